using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MudBlazor.Services;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Venues.Blockings;
using Summit.Server.Venues.Bookings;
using Summit.Server.Venues.Pages;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Venues.Pages;

/// <summary>
/// The timeline's booking parts, its week view and venue filter, a room's page and the equipment page as the server first renders them,
/// and the refusal panel of the booking dialog on its own. The dialogs' clicks are driven in the browser (VenueTimelineTests).
/// </summary>
public sealed class VenueTimelinePagesTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task The_week_view_shows_seven_days_of_one_venues_rooms_and_only_those_who_may_book_get_the_booking_slots()
    {
        var venue = await app.CreateVenueAsync();
        var elsewhere = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "WK-1"));
        await app.CreateRoomAsync(VenuesIntents.NewRoom(elsewhere.Id, "WK-OTHER"));
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddDays(3), 60, "Fourth-day talks"))).OkAsync<BookingView>();
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddDays(8), 60, "Next week's talks"))).OkAsync<BookingView>();

        var week = await app.PageAsync(Roles.VenueManager, $"/venues/timeline?view=week&day=2021-09-26&venue={venue.Id}");
        Assert.Contains("data-view=\"week\"", week, StringComparison.Ordinal);
        Assert.Contains("2021-09-26 – 2021-10-02", week, StringComparison.Ordinal);
        Assert.Contains("Fourth-day talks", week, StringComparison.Ordinal);
        Assert.DoesNotContain("Next week's talks", week, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"timeline-room-WK-1\"", week, StringComparison.Ordinal);
        Assert.DoesNotContain("timeline-room-WK-OTHER", week, StringComparison.Ordinal);
        // Day four, 09:00-10:00 local, of a seven-day track: (3 × 24 + 9) / 168 of it.
        Assert.Contains(FormattableString.Invariant($"left:{81 * 100.0 / 168:0.###}%;width:{100.0 / 168:0.###}%"), week, StringComparison.Ordinal);
        Assert.Contains("href=\"/venues/timeline?day=2021-10-03&view=week&venue=", week, StringComparison.Ordinal);
        // The venue manager books: a slot every three hours of each day, and the button for keyboard users.
        Assert.Contains("data-at=\"2021-09-29T09:00\"", week, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"timeline-new-booking\"", week, StringComparison.Ordinal);
        Assert.Contains("New booking", week, StringComparison.Ordinal);

        var day = await app.PageAsync(Roles.Secretariat, $"/venues/timeline?day=2021-09-29&venue={venue.Id}");
        Assert.Contains("data-view=\"day\"", day, StringComparison.Ordinal);
        Assert.Contains("data-at=\"2021-09-29T13:00\"", day, StringComparison.Ordinal);
        Assert.Contains("Request a room", day, StringComparison.Ordinal);

        // Those who only see rooms get neither.
        var seen = await app.PageAsync(Roles.OperationsCentre, $"/venues/timeline?day=2021-09-29&venue={venue.Id}");
        Assert.Contains("Fourth-day talks", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("timeline-slot", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("timeline-new-booking", seen, StringComparison.Ordinal);

        var chinese = await app.PageAsync(Roles.VenueManager, $"/venues/timeline?view=week&day=2021-09-26&venue={venue.Id}", "zh-Hans");
        Assert.Contains("新建预订", chinese, StringComparison.Ordinal);
        Assert.Contains("下一周", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rooms_page_shows_its_details_and_the_coming_days_bookings_and_blockings()
    {
        var venue = await app.CreateVenueAsync("Room page venue " + Guid.NewGuid().ToString("N")[..6]);
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "RP-1", boardroom: 24, theatre: 80, setup: 20, teardown: 5,
            opensAt: new TimeOnly(7, 0), closesAt: new TimeOnly(22, 0)));
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddDays(1), 60, "Bilateral: Chile and China"))).OkAsync<BookingView>();
        await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddDays(2), 60, "Requested rehearsal"));
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddDays(9), 60, "Far too late"))).OkAsync<BookingView>();
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        await (await manager.PostAsJsonAsync("/api/v1/venues/blockings",
            new BlockingInput(room.Id, VenuesIntents.DayOneNine.AddHours(-2), VenuesIntents.DayOneNine.AddHours(-1), "Security sweep"), Intents.Json))
            .OkAsync<BlockingView>();

        // The test event is over: the page shows its first seven days.
        var page = await app.PageAsync(Roles.MediaOfficer, $"/venues/rooms/{room.Id}");
        Assert.Contains("data-testid=\"room-code\"", page, StringComparison.Ordinal);
        Assert.Contains("07:00–22:00", page, StringComparison.Ordinal);
        Assert.Contains("20 min before · 5 min after", page, StringComparison.Ordinal);
        Assert.Contains("<td>Theatre</td><td>80</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>Banquet</td><td>—</td>", page, StringComparison.Ordinal);
        Assert.Contains("2021-09-26 to 2021-10-02", page, StringComparison.Ordinal);
        Assert.Contains("2021-09-27 09:00–10:00", page, StringComparison.Ordinal);
        Assert.Contains("Bilateral: Chile and China", page, StringComparison.Ordinal);
        Assert.Contains("Requested rehearsal", page, StringComparison.Ordinal);
        Assert.Contains("data-state=\"Pending\"", page, StringComparison.Ordinal);
        Assert.Contains("Security sweep", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Far too late", page, StringComparison.Ordinal);

        // The rooms list and the timeline lead to it.
        Assert.Contains($"/venues/rooms/{room.Id}", await app.PageAsync(Roles.MediaOfficer, "/venues/rooms"), StringComparison.Ordinal);
        Assert.Contains("前 20 分钟 · 后 5 分钟", await app.PageAsync(Roles.MediaOfficer, $"/venues/rooms/{room.Id}", "zh-Hans"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"room-not-found\"", await app.PageAsync(Roles.MediaOfficer, $"/venues/rooms/{Guid.NewGuid()}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_equipment_page_shows_each_items_stock_its_peak_on_a_day_and_the_bookings_taking_it()
    {
        var venue = await app.CreateVenueAsync();
        var hall = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "EQ-1"));
        var annex = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "EQ-2"));
        var name = "Streaming kit " + Guid.NewGuid().ToString("N")[..6];
        var kit = await app.CreateEquipmentAsync(name, 5);
        var day = VenuesIntents.DayOneNine.AddDays(2);
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(hall.Id, day, 120, "Opening stream", equipment: [new(kit.Id, 2)]))).OkAsync<BookingView>();
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(annex.Id, day.AddMinutes(60), 120, "Annex stream", equipment: [new(kit.Id, 1)])))
            .OkAsync<BookingView>();
        // Following the opening, it shares its units: the peak stays three.
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(hall.Id, day.AddMinutes(120), 60, "Afternoon stream", equipment: [new(kit.Id, 2)])))
            .OkAsync<BookingView>();
        await app.RequestOkAsync(VenuesIntents.NewBooking(annex.Id, day.AddHours(6), 60, "Requested stream", equipment: [new(kit.Id, 4)]));

        var page = await app.PageAsync(Roles.SecurityOfficer, "/venues/equipment?day=2021-09-28");
        var row = RowOf(page, name);
        Assert.Contains("data-testid=\"equipment-stock\">5<", row, StringComparison.Ordinal);
        Assert.Contains("3 of 5", row, StringComparison.Ordinal);
        Assert.Contains("Opening stream", row, StringComparison.Ordinal);
        Assert.Contains("Annex stream", row, StringComparison.Ordinal);
        Assert.Contains("Afternoon stream", row, StringComparison.Ordinal);
        Assert.Contains("Requested stream", row, StringComparison.Ordinal);
        Assert.Contains("(pending)", row, StringComparison.Ordinal);

        Assert.Contains("0 of 5", RowOf(await app.PageAsync(Roles.SecurityOfficer, "/venues/equipment?day=2021-09-27"), name), StringComparison.Ordinal);
        Assert.Contains("高峰占用", await app.PageAsync(Roles.SecurityOfficer, "/venues/equipment?day=2021-09-28", "zh-Hans"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_refusal_panel_names_every_conflict_and_offers_the_free_rooms_only_when_the_booking_can_move()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(new Localizer());
        services.AddMudServices();
        await using var provider = services.BuildServiceProvider();
        await using var renderer = new HtmlRenderer(provider, provider.GetRequiredService<ILoggerFactory>());
        var refusal = new BookingRefusal(
            [
                new ConflictView(BookingConflictKind.Overlap, "the room is booked for \"Bilateral: China and Chile\" from 2021-09-26 08:45 to 2021-09-26 10:10.",
                    Guid.NewGuid(), "Bilateral: China and Chile", null, null, null, null),
                new ConflictView(BookingConflictKind.Capacity, "an expected attendance of 30 is above the room's capacity of 16.", null, null, null, null, 30, 16),
            ],
            [new RoomAlternativeView(Guid.NewGuid(), "BL-06", "Bilateral meeting room 6", "双边会见室6", "Conference Center", "会展中心", "C", "3", 30)]);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var movable = await RenderAsync(renderer, refusal, pick: true);
            Assert.Equal(2, Count(movable, "data-testid=\"booking-conflict\""));
            Assert.Contains("Bilateral: China and Chile", movable, StringComparison.Ordinal);
            Assert.Contains("data-kind=\"Capacity\"", movable, StringComparison.Ordinal);
            Assert.Contains("data-room=\"BL-06\"", movable, StringComparison.Ordinal);
            Assert.Contains("BL-06 · Bilateral meeting room 6 · Conference Center (seats 30)", movable, StringComparison.Ordinal);

            var stored = await RenderAsync(renderer, refusal, pick: false);
            Assert.Equal(2, Count(stored, "data-testid=\"booking-conflict\""));
            Assert.DoesNotContain("booking-alternative", stored, StringComparison.Ordinal);

            var none = await RenderAsync(renderer, refusal with { Alternatives = [] }, pick: true);
            Assert.Contains("No other room is free", none, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static Task<string> RenderAsync(HtmlRenderer renderer, BookingRefusal refusal, bool pick) => renderer.Dispatcher.InvokeAsync(async () =>
    {
        var parameters = new Dictionary<string, object?> { [nameof(BookingRefusalPanel.Refusal)] = refusal };
        if (pick)
        {
            parameters[nameof(BookingRefusalPanel.OnPick)] = EventCallback.Factory.Create<RoomAlternativeView>(new object(), _ => { });
        }

        return System.Net.WebUtility.HtmlDecode((await renderer.RenderComponentAsync<BookingRefusalPanel>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    });

    private static int Count(string html, string text) => (html.Length - html.Replace(text, "", StringComparison.Ordinal).Length) / text.Length;

    /// <summary>The equipment table's row of one item.</summary>
    private static string RowOf(string page, string item)
    {
        var start = page.IndexOf($"data-item=\"{item}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {item}");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}
