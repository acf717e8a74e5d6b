using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Venues;
using Summit.Server.Venues.Bookings;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Venues.Bookings;

/// <summary>
/// A confirmed booking is never overlapped, whatever the service checked (docs/adr/0027): the database refuses it (an exclusion constraint
/// on PostgreSQL, triggers on SQLite), and two confirmations racing for one slot confirm exactly one. Runs on SQLite, and on PostgreSQL
/// with SUMMIT_TEST_POSTGRES set.
/// </summary>
public sealed class OverlapGuaranteeTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task Simultaneous_confirmations_of_the_same_slot_confirm_exactly_one()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "RACE-1", setup: 10, teardown: 10));
        for (var round = 0; round < 4; round++)
        {
            // Different titles and times that overlap only through their buffers in one case: the guarantee compares the buffered periods.
            var start = VenuesIntents.DayOneNine.AddHours(4 * round);
            var pending = new List<BookingView>();
            for (var i = 0; i < 4; i++)
            {
                pending.Add(await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, start.AddMinutes(i == 3 ? 65 : 10 * i), 60, $"Request {round}.{i}")));
            }

            var clients = new List<HttpClient>();
            for (var i = 0; i < pending.Count; i++)
            {
                clients.Add(await app.ClientForAsync(Roles.VenueManager));
            }

            using var go = new ManualResetEventSlim();
            var confirmations = pending.Select((p, i) => Task.Run(async () =>
            {
                go.Wait();
                return await clients[i].PostAsync($"/api/v1/venues/bookings/{p.Id}/confirm", null);
            })).ToList();
            go.Set();
            var answers = await Task.WhenAll(confirmations);

            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
            foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.OK))
            {
                // A request the winning confirmation rejected first is no longer pending; any other is refused naming the overlap.
                if ((await refused.ProblemAsync()).GetProperty("code").GetString() == VenuesErrors.BookingNotPending)
                {
                    continue;
                }

                var refusal = await refused.RefusalAsync();
                Assert.Contains(refusal.Conflicts, c => c.Kind == BookingConflictKind.Overlap);
            }

            var states = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<Booking>().AsNoTracking()
                .Where(b => b.RoomId == room.Id && b.Title.StartsWith($"Request {round}.")).Select(b => b.State).ToListAsync());
            Assert.Equal(1, states.Count(s => s == BookingState.Confirmed));
            // The winner rejected the three others, which its confirmation displaced.
            Assert.Equal(3, states.Count(s => s == BookingState.Rejected));
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task The_database_refuses_an_overlapping_confirmed_booking_written_past_the_service()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "DB-1"));
        var other = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "DB-2"));
        var start = VenuesIntents.DayOneNine.AddDays(1);
        await SaveAsync(Row(room.Id, start, 60, 0, 15, BookingState.Confirmed));

        // Overlapping the tear-down buffer only: refused, as a confirmed row, inserted or updated.
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(Row(room.Id, start.AddMinutes(70), 30, 0, 0, BookingState.Confirmed)));
        Assert.True(OverlapGuarantee.IsOverlapRefusal(refused), refused.InnerException?.Message);
        var pending = Row(room.Id, start.AddMinutes(70), 30, 0, 0, BookingState.Pending);
        await SaveAsync(pending);
        refused = await Assert.ThrowsAsync<DbUpdateException>(() => app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            var row = await db.Set<Booking>().SingleAsync(b => b.Id == pending.Id);
            row.State = BookingState.Confirmed;
            await db.SaveChangesAsync();
        }));
        Assert.True(OverlapGuarantee.IsOverlapRefusal(refused), refused.InnerException?.Message);

        // Touching (after the buffer), in another room, or not confirmed: accepted.
        await SaveAsync(Row(room.Id, start.AddMinutes(75), 30, 0, 0, BookingState.Confirmed));
        await SaveAsync(Row(other.Id, start, 60, 0, 0, BookingState.Confirmed));
        await SaveAsync(Row(room.Id, start, 60, 0, 0, BookingState.Cancelled));
        await SaveAsync(Row(room.Id, start, 60, 0, 0, BookingState.Rejected));
    }

    [Fact]
    public async Task Two_writers_inserting_the_same_confirmed_slot_at_once_store_exactly_one()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "DB-3"));
        var start = VenuesIntents.DayOneNine.AddDays(2);
        for (var round = 0; round < 5; round++)
        {
            var at = start.AddHours(round);
            using var go = new ManualResetEventSlim();
            var writers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
            {
                go.Wait();
                try
                {
                    await SaveAsync(Row(room.Id, at, 30, 0, 0, BookingState.Confirmed));
                    return true;
                }
                catch (Exception ex) when (OverlapGuarantee.IsLostRace(ex))
                {
                    // Refused by the constraint, or stopped by PostgreSQL when two inserts each waited for the other's row.
                    return false;
                }
            })).ToList();
            go.Set();
            var stored = await Task.WhenAll(writers);
            Assert.Equal(1, stored.Count(s => s));
        }
    }

    /// <summary>
    /// PostgreSQL may stop a confirmation with a deadlock rather than refuse it with the constraint: here a writer past the service holds
    /// one half of the slot uncommitted, the confirmation waits for it, and the writer then takes the other half, waiting for the
    /// confirmation in turn. The confirmation, waiting longer, is the one stopped. It must be answered as a refusal naming what won (the
    /// winner commits only after the deadlock), never as a server error, and leave nothing of itself behind.
    /// </summary>
    [PostgresFact]
    public async Task A_booking_made_confirmed_and_stopped_by_a_deadlock_is_refused_naming_the_booking_that_won()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "DL-1"));
        await RefusedAfterADeadlockAsync(room.Id, async (start, title) =>
        {
            var answer = await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, start, 60, title));
            return (answer, () => ConfirmedTitledAsync(title));
        });
    }

    [PostgresFact]
    public async Task A_request_confirmed_and_stopped_by_a_deadlock_is_refused_naming_the_booking_that_won()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "DL-2"));
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        await RefusedAfterADeadlockAsync(room.Id, async (start, title) =>
        {
            var request = await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, start, 60, title));
            var answer = await manager.PostAsync($"/api/v1/venues/bookings/{request.Id}/confirm", null);
            return (answer, () => ConfirmedTitledAsync(title));
        });
    }

    /// <summary>
    /// Runs the deadlock until PostgreSQL stops the confirmation (at most three rounds: on a loaded machine the writer may be the one
    /// stopped, and the confirmation then rightly wins), and checks the refusal. <paramref name="confirm"/> books the hour from the given
    /// start and returns the answer and how to count its confirmed booking.
    /// </summary>
    private async Task RefusedAfterADeadlockAsync(Guid roomId, Func<DateTimeOffset, string, Task<(HttpResponseMessage Answer, Func<Task<int>> Confirmed)>> confirm)
    {
        for (var round = 0; round < 3; round++)
        {
            var start = VenuesIntents.DayOneNine.AddDays(3).AddHours(2 * round);
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Use(new Actor(null, "test", null));
            var writer = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
            await using var transaction = await writer.Database.BeginTransactionAsync();
            var firstHalf = Row(roomId, start, 30, 0, 0, BookingState.Confirmed);
            writer.Set<Booking>().Add(firstHalf);
            await writer.SaveChangesAsync();

            var title = $"Deadlock {round}";
            var confirming = Task.Run(() => confirm(start, title));
            await WaitForALockWaitAsync(confirming);
            bool writerStopped;
            try
            {
                writer.Set<Booking>().Add(Row(roomId, start.AddMinutes(30), 30, 0, 0, BookingState.Confirmed));
                await writer.SaveChangesAsync();
                await transaction.CommitAsync();
                writerStopped = false;
            }
            catch (Exception ex) when (OverlapGuarantee.IsStoppedForAConcurrentWrite(ex))
            {
                writerStopped = true;
            }

            var (answer, confirmed) = await confirming;
            if (writerStopped)
            {
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
                Assert.Equal(1, await confirmed());
                continue;
            }

            Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
            var refusal = await answer.RefusalAsync();
            Assert.Contains(refusal.Conflicts, c => c.Kind == BookingConflictKind.Overlap && c.WithId == firstHalf.Id);
            Assert.Equal(0, await confirmed());
            return;
        }

        Assert.Fail("PostgreSQL never stopped the confirmation in three rounds.");
    }

    private Task<int> ConfirmedTitledAsync(string title) => app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<Booking>()
        .AsNoTracking().CountAsync(b => b.Title == title && b.State == BookingState.Confirmed));

    /// <summary>Until a session of this database waits for a lock (the confirmation waiting for the writer's uncommitted row).</summary>
    private async Task WaitForALockWaitAsync(Task confirming)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            var waiting = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Database
                .SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .SingleAsync());
            if (waiting > 0)
            {
                return;
            }

            Assert.False(confirming.IsCompleted, "The confirmation ended without waiting for the writer's row.");
            await Task.Delay(10);
        }

        Assert.Fail("The confirmation never waited for the writer's row.");
    }

    private async Task SaveAsync(Booking booking) => await app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SummitDbContext>();
        db.Set<Booking>().Add(booking);
        await db.SaveChangesAsync();
    });

    private Booking Row(Guid roomId, DateTimeOffset start, int minutes, int setup, int teardown, BookingState state)
    {
        var booking = new Booking
        {
            EventId = app.EventId,
            RoomId = roomId,
            Title = "Written directly",
            HolderKind = BookingHolderKind.Organizer,
            ExpectedAttendance = 5,
            Layout = RoomLayout.Boardroom,
            State = state,
            CreatedBy = "test",
        };
        booking.SetTimes(start, start.AddMinutes(minutes), setup, teardown);
        return booking;
    }
}
