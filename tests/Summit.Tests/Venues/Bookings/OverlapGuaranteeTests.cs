using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
                catch (DbUpdateException ex) when (OverlapGuarantee.IsOverlapRefusal(ex))
                {
                    return false;
                }
            })).ToList();
            go.Set();
            var stored = await Task.WhenAll(writers);
            Assert.Equal(1, stored.Count(s => s));
        }
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
