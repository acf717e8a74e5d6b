using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Venues;
using Summit.Server.Venues.Bookings;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Programme;

namespace Summit.Tests.Venues.Bookings;

/// <summary>
/// A venue manager moves a booking to another time or room: judged as the same booking made there (itself left out), refused naming what is
/// in the way, audited; a session's booking moves only with its session, a closed one not at all, and only venue managers move.
/// </summary>
public sealed class BookingMoveTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_booking_moves_to_a_free_time_or_room_is_refused_over_another_and_may_overlap_only_itself()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "MV-1"));
        var other = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "MV-2"));
        var nine = VenuesIntents.DayOneNine;
        var moving = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, nine, 60, "Working lunch"))).OkAsync<BookingView>();
        var fixedOne = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, nine.AddHours(3), 60, "Press briefing"))).OkAsync<BookingView>();
        using var manager = await app.ClientForAsync(Roles.VenueManager);

        // Half an hour later: it overlaps only where it was, which is no conflict.
        var later = await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{moving.Id}/move",
            new BookingMoveInput(room.Id, nine.AddMinutes(30), nine.AddMinutes(90)), Intents.Json)).OkAsync<BookingView>();
        Assert.Equal((BookingState.Confirmed, nine.AddMinutes(30)), (later.State, later.StartsAt));

        // Onto the press briefing: refused, naming it; nothing changes.
        var refusal = await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{moving.Id}/move",
            new BookingMoveInput(room.Id, nine.AddHours(3), nine.AddHours(4)), Intents.Json)).RefusalAsync();
        Assert.Contains(refusal.Conflicts, c => c.WithId == fixedOne.Id);
        Assert.Contains(refusal.Alternatives, a => a.RoomId == other.Id);
        Assert.Equal(nine.AddMinutes(30), (await (await manager.GetAsync($"/api/v1/venues/bookings/{moving.Id}")).OkAsync<BookingView>()).StartsAt);

        // To the other room then: moved, audited with the rooms and times before and after.
        var moved = await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{moving.Id}/move",
            new BookingMoveInput(other.Id, nine.AddHours(3), nine.AddHours(4)), Intents.Json)).OkAsync<BookingView>();
        Assert.Equal(("MV-2", nine.AddHours(3), "Working lunch"), (moved.RoomCode, moved.StartsAt, moved.Title));
        var audited = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .CountAsync(a => a.EntityId == moving.Id.ToString() && a.Action == VenuesAudit.BookingMoved));
        Assert.Equal(2, audited);
    }

    [Fact]
    public async Task A_sessions_booking_a_closed_one_and_anyone_but_a_venue_manager_are_refused()
    {
        var (_, session, room) = await app.PlacedSessionAsync("Panel: moves with its session", VenuesIntents.DayOneNine.AddDays(1), "MV-3");
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        var where = new BookingMoveInput(room.Id, VenuesIntents.DayOneNine.AddDays(1).AddHours(5), VenuesIntents.DayOneNine.AddDays(1).AddHours(6));
        var sessionBooking = (await app.GetSessionAsync(session.Id)).BookingId!.Value;
        await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{sessionBooking}/move", where, Intents.Json))
            .AssertProblemAsync(409, VenuesErrors.BookingOfSession);

        var cancelled = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddDays(2), 60))).OkAsync<BookingView>();
        await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{cancelled.Id}/cancel", new BookingDecisionInput("No longer needed"), Intents.Json))
            .OkAsync<BookingView>();
        await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{cancelled.Id}/move", where, Intents.Json))
            .AssertProblemAsync(409, VenuesErrors.BookingClosed);

        var pending = await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddDays(2).AddHours(2), 60, "Rehearsal"));
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        Assert.Equal(403, (int)(await secretariat.PostAsJsonAsync($"/api/v1/venues/bookings/{pending.Id}/move", where, Intents.Json)).StatusCode);
        var movedPending = await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{pending.Id}/move", where, Intents.Json)).OkAsync<BookingView>();
        Assert.Equal((BookingState.Pending, where.StartsAt), (movedPending.State, movedPending.StartsAt));
    }
}
