using System.Net.Http.Json;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Venues.Blockings;
using Summit.Server.Venues.Bookings;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Venues.Pages;

/// <summary>The rooms list and the day timeline as the server first renders them for a signed-in browser, in both languages.</summary>
public sealed class VenuesPagesTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task The_timeline_shows_a_days_bookings_and_blockings_per_room_and_the_rooms_list_their_capacities()
    {
        var venue = await app.CreateVenueAsync("Light of Internet Expo Center");
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "BLT-3", boardroom: 24, setup: 20, teardown: 5,
            opensAt: new TimeOnly(7, 0), closesAt: new TimeOnly(22, 0)));
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine, 60, "Bilateral: Brazil and China"))).OkAsync<BookingView>();
        await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddHours(3), 60, "Rehearsal request"));
        var cancelled = await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddHours(5), 60, "Withdrawn talks"));
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{cancelled.Id}/cancel", new BookingDecisionInput(), Intents.Json)).OkAsync<BookingView>();
        await (await manager.PostAsJsonAsync("/api/v1/venues/blockings",
            new BlockingInput(room.Id, VenuesIntents.DayOneNine.AddHours(7), VenuesIntents.DayOneNine.AddHours(8), "Security sweep"), Intents.Json))
            .OkAsync<BlockingView>();

        // The event's first day is the default; 09:00-10:00 local is 37.5 % to 41.667 % of the day, its 20-minute set-up starting at 08:40.
        var timeline = await app.PageAsync(Roles.Secretariat, "/venues/timeline");
        Assert.Contains("2021-09-26", timeline, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"timeline-room-BLT-3\"", timeline, StringComparison.Ordinal);
        Assert.Contains("Bilateral: Brazil and China", timeline, StringComparison.Ordinal);
        Assert.Contains("left:37.5%;width:4.167%", timeline, StringComparison.Ordinal);
        Assert.Contains("left:36.111%;width:5.903%", timeline, StringComparison.Ordinal);
        Assert.Contains("data-state=\"Pending\"", timeline, StringComparison.Ordinal);
        Assert.Contains("Security sweep", timeline, StringComparison.Ordinal);
        Assert.DoesNotContain("Withdrawn talks", timeline, StringComparison.Ordinal);

        var nextDay = await app.PageAsync(Roles.Secretariat, "/venues/timeline?day=2021-09-27");
        Assert.Contains("data-testid=\"timeline-room-BLT-3\"", nextDay, StringComparison.Ordinal);
        Assert.DoesNotContain("Bilateral: Brazil and China", nextDay, StringComparison.Ordinal);

        var chinese = await app.PageAsync(Roles.VenueManager, "/venues/timeline", "zh-Hans");
        Assert.Contains("会议室时间轴", chinese, StringComparison.Ordinal);
        Assert.Contains("BLT-3 室", chinese, StringComparison.Ordinal);

        var rooms = await app.PageAsync(Roles.OperationsCentre, "/venues/rooms");
        Assert.Contains("Light of Internet Expo Center", rooms, StringComparison.Ordinal);
        Assert.Contains("BLT-3", rooms, StringComparison.Ordinal);
        Assert.Contains("07:00–22:00", rooms, StringComparison.Ordinal);
        Assert.Contains("20 min before · 5 min after", rooms, StringComparison.Ordinal);
        Assert.Contains("前 20 分钟 · 后 5 分钟", await app.PageAsync(Roles.OperationsCentre, "/venues/rooms", "zh-Hans"), StringComparison.Ordinal);
    }
}
