using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Venues;
using Summit.Server.Venues.Blockings;
using Summit.Server.Venues.Bookings;
using Summit.Server.Venues.Series;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Venues.Series;

/// <summary>
/// Repeating bookings through the API: a conflict refuses the whole series naming each date, skipping leaves those dates out, a skipped
/// date is added back when it is free, one date or the rest of the series is cancelled; every date is an ordinary confirmed booking.
/// </summary>
public sealed class SeriesFlowTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    private static readonly DateOnly DayOne = DateOnly.FromDateTime(VenuesIntents.DayOneNine.DateTime);

    private static SeriesInput Daily(Guid roomId, int count, bool skip = false, string title = "Morning briefing") =>
        new(roomId, title, BookingHolderKind.Organizer, 10, RoomLayout.Boardroom, SeriesFrequency.Daily, DayOne, new TimeOnly(9, 0), new TimeOnly(10, 0),
            Count: count, SkipConflicts: skip);

    [Fact]
    public async Task Staff_who_may_only_request_request_a_series_of_pending_dates_that_the_venue_manager_confirms_date_by_date()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "SR-Q"));
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddDays(1), 60, "Press briefing"))).OkAsync<BookingView>();
        var input = Daily(room.Id, 3, skip: true, title: "Working group");

        // Booking a series confirmed stays the venue manager's; requesting one is open to whoever may request a room.
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await secretariat.PostAsJsonAsync("/api/v1/venues/series", input, Intents.Json)).StatusCode);
        var requested = await (await secretariat.PostAsJsonAsync("/api/v1/venues/series/requests", input, Intents.Json)).OkAsync<SeriesView>();
        Assert.Equal([DayOne, DayOne.AddDays(2)], requested.Occurrences.Select(o => o.Date));
        Assert.All(requested.Occurrences, o => Assert.Equal(BookingState.Pending, o.State));
        Assert.Equal(DayOne.AddDays(1), Assert.Single(requested.Skipped).Date);
        // A request conflicting already is refused as a whole, as a single request is.
        await (await secretariat.PostAsJsonAsync("/api/v1/venues/series/requests", input with { SkipConflicts = false }, Intents.Json))
            .AssertProblemAsync(409, VenuesErrors.SeriesConflict);

        // The requests hold nothing: a confirmed booking may still take a requested date, and the venue manager confirms the other one.
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddDays(2), 60, "Bilateral talks"))).OkAsync<BookingView>();
        await (await manager.PostAsync($"/api/v1/venues/bookings/{requested.Occurrences[0].BookingId}/confirm", null)).OkAsync<BookingView>();
        var after = await (await manager.GetAsync($"/api/v1/venues/series/{requested.Id}")).OkAsync<SeriesView>();
        Assert.Equal([BookingState.Confirmed, BookingState.Pending], after.Occurrences.Select(o => o.State));
        var third = await (await manager.GetAsync($"/api/v1/venues/bookings/{requested.Occurrences[1].BookingId}")).OkAsync<BookingView>();
        Assert.Equal(SummitFactory.EmailOf(Roles.Secretariat), third.CreatedBy);

        var audited = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == requested.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Equal([VenuesAudit.SeriesRequested], audited);
    }

    [Fact]
    public async Task A_conflict_refuses_the_series_skipping_leaves_the_date_out_and_it_is_added_back_once_free()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "SR-1"));
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        var talks = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddDays(2).AddMinutes(30), 60,
            "Ministerial talks"))).OkAsync<BookingView>();
        using (var blocker = await app.ClientForAsync(Roles.VenueManager))
        {
            await (await blocker.PostAsJsonAsync("/api/v1/venues/blockings", new BlockingInput(room.Id, VenuesIntents.DayOneNine.AddDays(4),
                VenuesIntents.DayOneNine.AddDays(4).AddHours(3), "Security sweep"), Intents.Json)).OkAsync<BlockingView>();
        }

        // Refused as a whole: each conflicting date with what it collides with, and nothing booked.
        var refused = await manager.PostAsJsonAsync("/api/v1/venues/series", Daily(room.Id, 6), Intents.Json);
        await refused.AssertProblemAsync(409, VenuesErrors.SeriesConflict);
        var problem = await refused.ProblemAsync();
        Assert.Contains("2021-09-28", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var refusal = problem.GetProperty("details").Deserialize<SeriesRefusal>(Intents.Json)!;
        Assert.Equal(6, refusal.Dates);
        Assert.Equal([DayOne.AddDays(2), DayOne.AddDays(4)], refusal.Conflicting.Select(c => c.Date));
        var overlap = Assert.Single(refusal.Conflicting[0].Conflicts);
        Assert.Equal((BookingConflictKind.Overlap, talks.Id, "Ministerial talks"), (overlap.Kind, overlap.WithId, overlap.WithTitle));
        Assert.Equal((BookingConflictKind.Blocked, "Security sweep"), (refusal.Conflicting[1].Conflicts[0].Kind, refusal.Conflicting[1].Conflicts[0].WithTitle));
        Assert.Single(await RoomBookingsAsync(manager, room.Id));

        // Skipping: four dates booked, each an ordinary confirmed booking of the series; two skipped with their reasons.
        var series = await (await manager.PostAsJsonAsync("/api/v1/venues/series", Daily(room.Id, 6, skip: true), Intents.Json)).OkAsync<SeriesView>();
        Assert.Equal([DayOne, DayOne.AddDays(1), DayOne.AddDays(3), DayOne.AddDays(5)], series.Occurrences.Select(o => o.Date));
        Assert.All(series.Occurrences, o => Assert.Equal(BookingState.Confirmed, o.State));
        Assert.Equal(new DateTimeOffset(2021, 9, 26, 1, 0, 0, TimeSpan.Zero), series.Occurrences[0].StartsAt);
        Assert.Equal([(DayOne.AddDays(2), "Overlap: Ministerial talks"), (DayOne.AddDays(4), "Blocked: Security sweep")],
            series.Skipped.Select(s => (s.Date, s.Conflicts)));
        var listed = await RoomBookingsAsync(manager, room.Id);
        Assert.Equal(4, listed.Count(b => b.SeriesId == series.Id && b.State == BookingState.Confirmed));

        // A series date holds its room like any booking.
        var single = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddDays(1).AddMinutes(30), 30))).RefusalAsync();
        Assert.Equal(("Morning briefing", series.Occurrences[1].BookingId), (single.Conflicts[0].WithTitle, single.Conflicts[0].WithId));

        // Added back while still taken: refused as a single booking is, and still skipped.
        var still = await manager.PostAsJsonAsync($"/api/v1/venues/series/{series.Id}/add-back", new SeriesDateInput(DayOne.AddDays(2)), Intents.Json);
        Assert.Equal(talks.Id, (await still.RefusalAsync()).Conflicts[0].WithId);
        await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{talks.Id}/cancel", new BookingDecisionInput("Moved"), Intents.Json)).OkAsync<BookingView>();
        var added = await (await manager.PostAsJsonAsync($"/api/v1/venues/series/{series.Id}/add-back", new SeriesDateInput(DayOne.AddDays(2)), Intents.Json))
            .OkAsync<BookingView>();
        Assert.Equal((series.Id, BookingState.Confirmed, VenuesIntents.DayOneNine.AddDays(2)), (added.SeriesId, added.State, added.StartsAt));
        await (await manager.PostAsJsonAsync($"/api/v1/venues/series/{series.Id}/add-back", new SeriesDateInput(DayOne.AddDays(2)), Intents.Json))
            .AssertProblemAsync(409, VenuesErrors.SeriesDateNotSkipped);

        // One date cancelled as its booking; then the rest from the fourth day on (the blocked fifth day's skip goes with it).
        var second = series.Occurrences[1].BookingId;
        await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{second}/cancel", new BookingDecisionInput("Holiday"), Intents.Json)).OkAsync<BookingView>();
        var rest = await (await manager.PostAsJsonAsync($"/api/v1/venues/series/{series.Id}/cancel", new SeriesCancelInput(DayOne.AddDays(3), "Programme ends"),
            Intents.Json)).OkAsync<SeriesView>();
        Assert.Equal(
            [(DayOne, BookingState.Confirmed), (DayOne.AddDays(1), BookingState.Cancelled), (DayOne.AddDays(2), BookingState.Confirmed),
                (DayOne.AddDays(3), BookingState.Cancelled), (DayOne.AddDays(5), BookingState.Cancelled)],
            rest.Occurrences.Select(o => (o.Date, o.State)));
        Assert.Empty(rest.Skipped);

        var actions = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "booking_series" && a.EntityId == series.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([VenuesAudit.SeriesCreated, VenuesAudit.SeriesDateAddedBack, VenuesAudit.SeriesCancelled], actions);
        var cancellations = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .CountAsync(a => a.Action == VenuesAudit.BookingCancelled && a.Changes!.Contains(series.Id.ToString())));
        Assert.Equal(2, cancellations);
    }

    [Fact]
    public async Task Chosen_weekdays_book_only_those_days_and_the_series_own_dates_and_equipment_count_against_each_other()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "SR-2"));
        var other = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "SR-3"));
        var kits = await app.CreateEquipmentAsync("Series kits " + Guid.NewGuid().ToString("N")[..6], 4);
        using var manager = await app.ClientForAsync(Roles.VenueManager);

        // Sunday 26 September 2021: Monday, Wednesday and Friday for five dates, 3 kits each.
        var input = new SeriesInput(room.Id, "Working group", BookingHolderKind.Session, 12, RoomLayout.Boardroom, SeriesFrequency.Weekdays, DayOne,
            new TimeOnly(14, 0), new TimeOnly(16, 0), Count: 5, Weekdays: [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], HolderName: "WG 1",
            Equipment: [new EquipmentLine(kits.Id, 3)]);
        var series = await (await manager.PostAsJsonAsync("/api/v1/venues/series", input, Intents.Json)).OkAsync<SeriesView>();
        Assert.Equal([DayOne.AddDays(1), DayOne.AddDays(3), DayOne.AddDays(5), DayOne.AddDays(8), DayOne.AddDays(10)], series.Occurrences.Select(o => o.Date));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], series.Weekdays);

        // Another series in another room at the same time needs 2 kits: only 1 is left on those dates.
        var rival = input with { RoomId = other.Id, Title = "Other group", Equipment = [new EquipmentLine(kits.Id, 2)] };
        var refusal = (await (await manager.PostAsJsonAsync("/api/v1/venues/series", rival, Intents.Json)).ProblemAsync())
            .GetProperty("details").Deserialize<SeriesRefusal>(Intents.Json)!;
        Assert.Equal(5, refusal.Conflicting.Count);
        Assert.All(refusal.Conflicting, c => Assert.Equal((BookingConflictKind.EquipmentShort, 2, 1), (c.Conflicts[0].Kind, c.Conflicts[0].Needed, c.Conflicts[0].Available)));

        // Skipping every date books nothing: refused all the same.
        await (await manager.PostAsJsonAsync("/api/v1/venues/series", rival with { SkipConflicts = true }, Intents.Json)).AssertProblemAsync(409, VenuesErrors.SeriesConflict);

        // A daily series from 10:00 to 09:00 the next day, with an hour of set-up and of tear-down, collides with itself: each date after the
        // first overlaps the one before it booked. The second date, refused, holds nothing, so the third is free.
        var long_ = new SeriesInput(other.Id, "Exhibition", BookingHolderKind.Organizer, 10, RoomLayout.Boardroom, SeriesFrequency.Daily, DayOne.AddDays(40),
            new TimeOnly(10, 0), new TimeOnly(9, 0), Count: 3, SetupMinutes: 60, TeardownMinutes: 60);
        var self = (await (await manager.PostAsJsonAsync("/api/v1/venues/series", long_, Intents.Json)).ProblemAsync())
            .GetProperty("details").Deserialize<SeriesRefusal>(Intents.Json)!;
        Assert.Equal([DayOne.AddDays(41)], self.Conflicting.Select(c => c.Date));
        Assert.Equal("Exhibition", self.Conflicting[0].Conflicts[0].WithTitle);
    }

    [Fact]
    public async Task Bad_series_are_refused_field_by_field_with_stable_codes()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "SR-4"));
        using var manager = await app.ClientForAsync(Roles.VenueManager);

        async Task<List<(string?, string?)>> Problems(SeriesInput input)
        {
            var response = await manager.PostAsJsonAsync("/api/v1/venues/series", input, Intents.Json);
            await response.AssertProblemAsync(422, ErrorCodes.RequestInvalid);
            return [.. (await response.ProblemAsync()).GetProperty("details").EnumerateArray()
                .Select(d => (d.GetProperty("field").GetString(), d.GetProperty("code").GetString()))];
        }

        var good = Daily(room.Id, 3);
        Assert.Equal([("weekdays", VenuesErrors.SeriesWeekdaysRequired), ("lastDate", VenuesErrors.SeriesEndRequired), ("endTime", VenuesErrors.PeriodInvalid)],
            await Problems(good with { Frequency = SeriesFrequency.Weekdays, LastDate = DayOne.AddDays(3), EndTime = good.StartTime }));
        Assert.Equal([("lastDate", VenuesErrors.SeriesTooManyDates)], await Problems(good with { Count = null, LastDate = DayOne.AddDays(366) }));
        Assert.Equal([("count", ErrorCodes.NumberOutOfRange)], await Problems(good with { Count = 367 }));
        Assert.Equal([("lastDate", VenuesErrors.PeriodInvalid)], await Problems(good with { Count = null, LastDate = DayOne.AddDays(-1) }));
        Assert.Equal([("firstDate", VenuesErrors.SeriesNoDates)],
            await Problems(good with { Frequency = SeriesFrequency.Weekdays, Weekdays = [DayOfWeek.Monday], Count = null, LastDate = DayOne }));
        Assert.Equal([("roomId", VenuesErrors.RoomUnknown)], await Problems(good with { RoomId = Guid.NewGuid() }));

        await (await manager.GetAsync($"/api/v1/venues/series/{Guid.NewGuid()}")).AssertProblemAsync(404, VenuesErrors.SeriesNotFound);
        await (await manager.PostAsJsonAsync($"/api/v1/venues/series/{Guid.NewGuid()}/add-back", new SeriesDateInput(DayOne), Intents.Json))
            .AssertProblemAsync(404, VenuesErrors.SeriesNotFound);
    }

    private static async Task<List<BookingView>> RoomBookingsAsync(HttpClient client, Guid roomId) =>
        await (await client.GetAsync($"/api/v1/venues/bookings?roomId={roomId}&from=2021-09-25T00:00:00Z&until=2021-10-05T00:00:00Z")).OkAsync<List<BookingView>>();
}
