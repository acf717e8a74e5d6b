using System.Net;
using System.Net.Http.Json;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Venues;
using Summit.Server.Venues.Blockings;
using Summit.Server.Venues.Bookings;
using Summit.Server.Venues.Calendar;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Venues.Series;

/// <summary>A room's iCalendar feed, read back with Ical.Net as a calendar client would: confirmed bookings and blockings, UTC, stable UIDs.</summary>
public sealed class RoomCalendarTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task The_feed_holds_the_confirmed_bookings_and_blockings_with_stable_uids_in_utc_and_titles_escaped()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "CAL-1", setup: 15, teardown: 15));
        const string title = "Talks; China, Kazakhstan\nand \"friends\" — 会谈";
        var talks = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine, 90, title))).OkAsync<BookingView>();
        var later = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddDays(1), 60, "Press briefing"))).OkAsync<BookingView>();
        await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddDays(2), 60, "Still pending"));
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        var blocking = await (await manager.PostAsJsonAsync("/api/v1/venues/blockings", new BlockingInput(room.Id, VenuesIntents.DayOneNine.AddDays(3),
            VenuesIntents.DayOneNine.AddDays(3).AddHours(2), "Sweep, level 1"), Intents.Json)).OkAsync<BlockingView>();
        await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{later.Id}/cancel", new BookingDecisionInput(), Intents.Json)).OkAsync<BookingView>();

        // Staff who may see rooms read it (the security officer here), as a calendar file.
        using var security = await app.ClientForAsync(Roles.SecurityOfficer);
        var url = $"/api/v1/venues/rooms/{room.Id}/calendar.ics?from=2021-09-20T00:00:00Z&until=2021-10-20T00:00:00Z";
        var response = await security.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;

        Assert.Equal(RoomCalendarService.ProductId, calendar.ProductId);
        Assert.Equal(2, calendar.Events.Count);
        var booked = calendar.Events.Single(e => e.Uid == $"{talks.Id}@{RoomCalendarService.UidDomain}");
        Assert.Equal(title, booked.Summary);
        Assert.True(booked.DtStart!.IsUtc);
        Assert.Equal(talks.StartsAt.UtcDateTime, booked.DtStart.AsUtc);
        Assert.Equal(talks.EndsAt.UtcDateTime, booked.DtEnd!.AsUtc);
        Assert.Equal(talks.DecidedAt!.Value.UtcDateTime, booked.DtStamp!.AsUtc, TimeSpan.FromSeconds(1));
        Assert.Contains("08:45", booked.Description, StringComparison.Ordinal);
        Assert.Contains($"{talks.StartsAt.UtcDateTime:yyyyMMdd'T'HHmmss}Z", text, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Talks\\; China\\, Kazakhstan\\nand", text, StringComparison.Ordinal);

        var blocked = calendar.Events.Single(e => e.Uid == $"{blocking.Id}.blocking@{RoomCalendarService.UidDomain}");
        Assert.Equal("Blocked: Sweep, level 1", blocked.Summary);
        Assert.Equal("OPAQUE", blocked.Transparency);

        // The same feed again names the same events by the same UIDs, and the window is bounded.
        var again = Ical.Net.Calendar.Load(await (await security.GetAsync(url)).Content.ReadAsStringAsync())!;
        Assert.Equal(calendar.Events.Select(e => e.Uid).Order(), again.Events.Select(e => e.Uid).Order());
        await (await security.GetAsync($"/api/v1/venues/rooms/{room.Id}/calendar.ics?from=2021-01-01T00:00:00Z&until=2022-06-01T00:00:00Z"))
            .AssertProblemAsync(422, VenuesErrors.WindowTooWide);
        await (await security.GetAsync($"/api/v1/venues/rooms/{Guid.NewGuid()}/calendar.ics")).AssertProblemAsync(404, VenuesErrors.RoomNotFound);

        // Without a window it covers a month back to six months ahead of now (20 September 2021 on the test clock).
        var byDefault = Ical.Net.Calendar.Load(await security.GetStringAsync($"/api/v1/venues/rooms/{room.Id}/calendar.ics"))!;
        Assert.Equal(2, byDefault.Events.Count);
    }
}
