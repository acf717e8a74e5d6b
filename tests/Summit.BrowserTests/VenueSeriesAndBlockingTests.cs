using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using static Summit.BrowserTests.VenueApi;

namespace Summit.BrowserTests;

/// <summary>
/// The venue manager's series and blockings on the pages (issue 12): a daily series over a day the room is taken is refused naming that
/// day, booked on the other days once the dialog skips it, and the day is taken back from the series' page when the room is free again;
/// a room blocked for a security sweep shows the blocking in its schedule until it is lifted. The demo's Wuzhen rooms, the event moved to
/// today.
/// </summary>
[Collection(ServerCollection.Name)]
public class VenueSeriesAndBlockingTests(SummitServer server) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => server.ClosePagesAsync();

    [Fact]
    public async Task A_daily_series_over_a_taken_day_is_refused_naming_it_books_the_others_when_skipped_and_takes_the_day_back_once_free()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var seriesTitle = "Morning briefing " + unique;
        using var api = await AdminAsync(server);
        var (roomId, today, at) = await RoomAsync(api, "BL-04");
        var taken = today.AddDays(1);
        var blocker = await ReadAsync(await api.PostAsJsonAsync("/api/v1/venues/bookings/confirmed", new
        {
            roomId,
            startsAt = at(taken, 17, 0),
            endsAt = at(taken, 18, 0),
            title = "Press pool " + unique,
            holderKind = "Organizer",
            holderName = "Media centre",
            expectedAttendance = 8,
            layout = "Boardroom",
        }));

        var page = await server.NewPageAsync();
        await SummitServer.LoginAsync(page, SummitServer.AdminEmail);
        await SummitServer.GotoLiveAsync(page, "/venues/timeline");
        await page.GetByTestId("timeline-room-BL-04").Locator("[data-testid=timeline-slot][data-at$='T17:00']").ClickAsync();
        await page.GetByTestId("booking-title").FillAsync(seriesTitle);
        await page.GetByTestId("booking-repeat").Locator("xpath=descendant-or-self::input").CheckAsync();
        await Assertions.Expect(page.GetByTestId("booking-last-date")).ToHaveValueAsync(Iso(today.AddDays(2)));
        await page.GetByTestId("booking-submit").ClickAsync();

        // Refused as a whole, naming the one taken day of three.
        var refusal = page.GetByTestId("series-refusal");
        await Assertions.Expect(refusal.GetByTestId("series-conflict-date")).ToHaveCountAsync(1);
        await Assertions.Expect(refusal.GetByTestId("series-conflict-date")).ToHaveAttributeAsync("data-date", Iso(taken));

        // Skipping it books the two free days; the series' page lists the skipped day.
        await page.GetByTestId("booking-skip-conflicts").Locator("xpath=descendant-or-self::input").CheckAsync();
        await page.GetByTestId("booking-submit").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/venues/series/", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("series-title")).ToHaveTextAsync(seriesTitle);
        await Assertions.Expect(page.GetByTestId("series-booked")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("series-skipped")).ToHaveAttributeAsync("data-date", Iso(taken));

        // The press pool moves out; the day is taken back into the series.
        await ReadAsync(await api.PostAsJsonAsync($"/api/v1/venues/bookings/{blocker["id"]!.GetValue<Guid>()}/cancel", new { reason = "Moved to the media centre" }));
        await page.GetByTestId("series-add-back").ClickAsync();
        await Assertions.Expect(page.GetByTestId("series-message")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("series-booked")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("series-skipped")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_room_blocked_for_a_security_sweep_shows_the_blocking_until_it_is_lifted()
    {
        var reason = "Security sweep " + Guid.NewGuid().ToString("N")[..6];
        using var api = await AdminAsync(server);
        var (roomId, _, _) = await RoomAsync(api, "BL-03");

        var page = await server.NewPageAsync();
        await SummitServer.LoginAsync(page, SummitServer.AdminEmail);
        await SummitServer.GotoLiveAsync(page, $"/venues/rooms/{roomId}");
        await page.GetByTestId("room-block-from-time").FillAsync("21:00");
        await page.GetByTestId("room-block-until-time").FillAsync("22:00");
        await page.GetByTestId("room-block-reason").Locator("xpath=descendant-or-self::input").FillAsync(reason);
        await page.GetByTestId("room-block-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("room-block-message")).ToBeVisibleAsync();
        var blocking = page.GetByTestId("room-blocking").Filter(new() { HasText = reason });
        await Assertions.Expect(blocking).ToHaveCountAsync(1);

        await blocking.GetByTestId("room-blocking-lift").ClickAsync();
        await page.GetByTestId("confirm-ok").ClickAsync();
        await Assertions.Expect(page.GetByTestId("room-block-message")).ToContainTextAsync(reason);
        await Assertions.Expect(page.GetByTestId("room-blocking").Filter(new() { HasText = reason })).ToHaveCountAsync(0);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
