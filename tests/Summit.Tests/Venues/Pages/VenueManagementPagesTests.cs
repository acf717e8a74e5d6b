using System.Net.Http.Json;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Zones;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Venues;
using Summit.Server.Venues.Blockings;
using Summit.Server.Venues.Bookings;
using Summit.Server.Venues.Equipment;
using Summit.Server.Venues.Series;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Venues.Pages;

/// <summary>
/// What the pages now do that only the API did: a series' page with its booked and skipped dates (adding back and cancelling for venue
/// managers), and a room's no-show minutes, blockings and the zone a blocking closes, as the server first renders them.
/// </summary>
public sealed class VenueManagementPagesTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    private static readonly DateOnly DayOne = new(2021, 9, 26);

    [Fact]
    public async Task A_series_page_lists_booked_and_skipped_dates_and_offers_adding_back_to_venue_managers_only()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "SER-P"));
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddDays(1), 60, "Ministerial talks"))).OkAsync<BookingView>();
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        var input = new SeriesInput(room.Id, "Daily briefing", BookingHolderKind.Organizer, 10, RoomLayout.Boardroom, SeriesFrequency.Daily, DayOne,
            new TimeOnly(9, 0), new TimeOnly(9, 30), Count: 3, SkipConflicts: true);
        var series = await (await manager.PostAsJsonAsync("/api/v1/venues/series", input, Intents.Json)).OkAsync<SeriesView>();
        Assert.Equal([DayOne.AddDays(1)], series.Skipped.Select(s => s.Date));

        var page = await app.PageAsync(Roles.VenueManager, $"/venues/series/{series.Id}");
        Assert.Contains("Daily briefing", page, StringComparison.Ordinal);
        Assert.Contains("daily from 2021-09-26 for 3 dates, 09:00–09:30 (event time): 2 date(s) booked, 1 skipped.", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"series-booked\" data-date=\"2021-09-26\" data-state=\"Confirmed\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"series-skipped\" data-date=\"2021-09-27\"", page, StringComparison.Ordinal);
        Assert.Contains("Ministerial talks", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"series-add-back\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"series-cancel\"", page, StringComparison.Ordinal);

        var staff = await app.PageAsync(Roles.Secretariat, $"/venues/series/{series.Id}");
        Assert.Contains("data-testid=\"series-skipped\"", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"series-add-back\"", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"series-cancel\"", staff, StringComparison.Ordinal);
        Assert.Contains("补回", await app.PageAsync(Roles.VenueManager, $"/venues/series/{series.Id}", "zh-Hans"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"series-not-found\"", await app.PageAsync(Roles.VenueManager, $"/venues/series/{Guid.NewGuid()}"), StringComparison.Ordinal);

        // The room's page links its dates to the series.
        Assert.Contains($"href=\"/venues/series/{series.Id}\"", await app.PageAsync(Roles.VenueManager, $"/venues/rooms/{room.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rooms_page_shows_its_no_show_minutes_and_blockings_and_offers_blocking_and_lifting_to_venue_managers_only()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var zone = await (await secretariat.PostAsJsonAsync("/api/v1/access/zones", new ZoneInput("RMPAGE", "Bilateral room", "双边会见室"), Intents.Json))
            .OkAsync<ZoneView>();
        var venue = await app.CreateVenueAsync();
        var gated = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "BL-P1", zoneId: zone.Id) with { NoShowMinutes = 20 });
        var open = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "BL-P2"));
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        await (await manager.PostAsJsonAsync("/api/v1/venues/blockings", new BlockingInput(gated.Id, VenuesIntents.DayOneNine,
            VenuesIntents.DayOneNine.AddHours(2), "Security sweep"), Intents.Json)).OkAsync<BlockingView>();

        var page = await app.PageAsync(Roles.VenueManager, $"/venues/rooms/{gated.Id}");
        Assert.Contains("after 20 min without an entry at its gates", page, StringComparison.Ordinal);
        Assert.Contains("closes the room's access zone RMPAGE at its gates", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"room-block-submit\"", page, StringComparison.Ordinal);
        Assert.Contains("Security sweep", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"room-blocking-lift\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"room-edit\"", page, StringComparison.Ordinal);

        var plain = await app.PageAsync(Roles.VenueManager, $"/venues/rooms/{open.Id}");
        Assert.Contains("The room has no access zone: no gate is closed.", plain, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"room-no-show\">never<", plain, StringComparison.Ordinal);
        Assert.Contains("开始后 20 分钟内门禁无人进入即释放", await app.PageAsync(Roles.VenueManager, $"/venues/rooms/{gated.Id}", "zh-Hans"), StringComparison.Ordinal);

        var staff = await app.PageAsync(Roles.SecurityOfficer, $"/venues/rooms/{gated.Id}");
        Assert.Contains("Security sweep", staff, StringComparison.Ordinal);
        Assert.Contains("after 20 min without an entry at its gates", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"room-block\"", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"room-blocking-lift\"", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"room-edit\"", staff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rooms_page_offers_a_new_venue_and_a_new_room_to_venue_managers_only()
    {
        var venue = await app.CreateVenueAsync();
        await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "RM-NEW"));
        var page = await app.PageAsync(Roles.VenueManager, "/venues/rooms");
        Assert.Contains("data-testid=\"rooms-new-venue\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"rooms-new-room\"", page, StringComparison.Ordinal);
        Assert.Contains("新建会议室", await app.PageAsync(Roles.VenueManager, "/venues/rooms", "zh-Hans"), StringComparison.Ordinal);

        var staff = await app.PageAsync(Roles.SecurityOfficer, "/venues/rooms");
        Assert.Contains("data-testid=\"room-table\"", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"rooms-new-venue\"", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"rooms-new-room\"", staff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_equipment_page_offers_new_items_and_changes_to_venue_managers_only()
    {
        using (var manager = await app.ClientForAsync(Roles.VenueManager))
        {
            (await manager.PostAsJsonAsync("/api/v1/venues/equipment", new EquipmentInput("Streaming kit", "直播套件", 4), Intents.Json)).EnsureSuccessStatusCode();
        }

        var page = await app.PageAsync(Roles.VenueManager, "/venues/equipment?day=2021-09-26");
        Assert.Contains("data-testid=\"equipment-new\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"equipment-edit\"", page, StringComparison.Ordinal);
        var staff = await app.PageAsync(Roles.SecurityOfficer, "/venues/equipment?day=2021-09-26");
        Assert.Contains("Streaming kit", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"equipment-new\"", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"equipment-edit\"", staff, StringComparison.Ordinal);
    }
}
