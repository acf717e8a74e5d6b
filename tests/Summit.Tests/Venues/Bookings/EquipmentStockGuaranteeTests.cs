using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Venues;
using Summit.Server.Venues.Bookings;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Venues.Bookings;

/// <summary>
/// Equipment stock holds under concurrency (docs/adr/0027, second amendment): two confirmations in two different rooms at the same time
/// that together need more of an item than the event has confirm exactly one, the other refused as short. Runs on SQLite, and on
/// PostgreSQL with SUMMIT_TEST_POSTGRES set.
/// </summary>
public sealed class EquipmentStockGuaranteeTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    private const int Rounds = 4;

    [Fact]
    public async Task Simultaneous_bookings_in_two_rooms_that_together_exceed_the_stock_confirm_exactly_one()
    {
        var (rooms, kits) = await SetUpAsync("KB");
        for (var round = 0; round < Rounds; round++)
        {
            var start = VenuesIntents.DayOneNine.AddDays(1).AddHours(2 * round);
            var answers = await RaceAsync(rooms.Length, (client, i) => client.PostAsJsonAsync("/api/v1/venues/bookings/confirmed",
                VenuesIntents.NewBooking(rooms[i], start, 60, $"Booked kits {round}.{i}", equipment: [new EquipmentLine(kits, 4)]), Intents.Json));

            Assert.Equal(1, answers.Count(a => a.IsSuccessStatusCode));
            var refusal = await answers.Single(a => !a.IsSuccessStatusCode).RefusalAsync();
            Assert.Contains(refusal.Conflicts, c => c.Kind == BookingConflictKind.EquipmentShort && c.WithId == kits && c.Available == 2);
            Assert.Equal(1, await ConfirmedAsync($"Booked kits {round}."));
        }
    }

    [Fact]
    public async Task Simultaneous_confirmations_of_requests_in_two_rooms_that_together_exceed_the_stock_confirm_exactly_one()
    {
        var (rooms, kits) = await SetUpAsync("KC");
        for (var round = 0; round < Rounds; round++)
        {
            var start = VenuesIntents.DayOneNine.AddDays(2).AddHours(2 * round);
            var requests = new List<BookingView>();
            for (var i = 0; i < rooms.Length; i++)
            {
                requests.Add(await app.RequestOkAsync(VenuesIntents.NewBooking(rooms[i], start, 60, $"Requested kits {round}.{i}",
                    equipment: [new EquipmentLine(kits, 4)])));
            }

            var answers = await RaceAsync(rooms.Length, (client, i) => client.PostAsync($"/api/v1/venues/bookings/{requests[i].Id}/confirm", null));

            Assert.Equal(1, answers.Count(a => a.IsSuccessStatusCode));
            var refused = answers.Single(a => !a.IsSuccessStatusCode);
            // Either the winner rejected the other request before it was read (no longer pending), or both read it pending and the loser
            // is refused as short when it re-checks the stock under the item's lock.
            if ((await refused.ProblemAsync()).GetProperty("code").GetString() != VenuesErrors.BookingNotPending)
            {
                var refusal = await refused.RefusalAsync();
                Assert.Contains(refusal.Conflicts, c => c.Kind == BookingConflictKind.EquipmentShort && c.WithId == kits);
            }

            Assert.Equal(1, await ConfirmedAsync($"Requested kits {round}."));
        }
    }

    private async Task<(Guid[] Rooms, Guid Kits)> SetUpAsync(string prefix)
    {
        var venue = await app.CreateVenueAsync();
        var rooms = new[]
        {
            (await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, prefix + "-1"))).Id,
            (await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, prefix + "-2"))).Id,
        };
        var kits = await app.CreateEquipmentAsync($"Interpretation kits {prefix} {Guid.NewGuid():N}"[..40], 6);
        return (rooms, kits.Id);
    }

    /// <summary>Sends one request per venue manager client, all released at the same instant.</summary>
    private async Task<HttpResponseMessage[]> RaceAsync(int count, Func<HttpClient, int, Task<HttpResponseMessage>> send)
    {
        var clients = new List<HttpClient>();
        for (var i = 0; i < count; i++)
        {
            clients.Add(await app.ClientForAsync(Roles.VenueManager));
        }

        try
        {
            using var go = new ManualResetEventSlim();
            var calls = clients.Select((c, i) => Task.Run(async () =>
            {
                go.Wait();
                return await send(c, i);
            })).ToList();
            go.Set();
            return await Task.WhenAll(calls);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private Task<int> ConfirmedAsync(string titlePrefix) => app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<Booking>().AsNoTracking()
        .CountAsync(b => b.Title.StartsWith(titlePrefix) && b.State == BookingState.Confirmed));
}
