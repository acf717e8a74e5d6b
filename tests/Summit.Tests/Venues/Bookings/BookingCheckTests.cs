using System.Net.Http.Json;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Venues;
using Summit.Server.Venues.Blockings;
using Summit.Server.Venues.Bookings;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Venues.Bookings;

/// <summary>
/// The check (<c>POST /bookings/check</c>) reads only the booking's room and the bookings holding its equipment (docs/benchmarks.md, venue
/// check); it must answer exactly as the booking itself is judged, which reads every room: the same conflicts, named the same way, and
/// the same field problems.
/// </summary>
public sealed class BookingCheckTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task The_check_names_the_conflicts_the_booking_is_refused_with_and_nothing_when_it_may_be_booked()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "CHK-A", setup: 15, teardown: 15, opensAt: new TimeOnly(8, 0),
            closesAt: new TimeOnly(22, 0)));
        var other = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "CHK-B"));
        var kits = await app.CreateEquipmentAsync("Check kits " + Guid.NewGuid().ToString("N")[..6], 3);
        var mics = await app.CreateEquipmentAsync("Check mics " + Guid.NewGuid().ToString("N")[..6], 5);
        var nine = VenuesIntents.DayOneNine;
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, nine, 60, "Talks in A"))).OkAsync<BookingView>();
        // In another room, holding two of the three kits until 11:00; one mic from 09:00 too (mics are plenty).
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(other.Id, nine, 120, "Rehearsal in B",
            equipment: [new EquipmentLine(kits.Id, 2), new EquipmentLine(mics.Id, 1)]))).OkAsync<BookingView>();
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        await (await manager.PostAsJsonAsync("/api/v1/venues/blockings", new BlockingInput(room.Id, nine.AddHours(5), nine.AddHours(7), "Security sweep"),
            Intents.Json)).OkAsync<BlockingView>();

        (BookingInput Input, BookingConflictKind[] Kinds)[] cases =
        [
            // Touches Talks in A with both buffers (10:15), but the kits are short while the rehearsal in B holds two.
            (VenuesIntents.NewBooking(room.Id, nine.AddMinutes(90), 60, equipment: [new EquipmentLine(kits.Id, 2)]), [BookingConflictKind.EquipmentShort]),
            (VenuesIntents.NewBooking(room.Id, nine.AddMinutes(30), 60, attendance: 50), [BookingConflictKind.Overlap, BookingConflictKind.Capacity]),
            (VenuesIntents.NewBooking(room.Id, nine.AddHours(5).AddMinutes(30), 30), [BookingConflictKind.Blocked]),
            (VenuesIntents.NewBooking(room.Id, nine.AddHours(14), 30), [BookingConflictKind.OutsideHours]),
            (VenuesIntents.NewBooking(room.Id, nine.AddMinutes(10), 30, layout: RoomLayout.Theatre), [BookingConflictKind.Overlap, BookingConflictKind.LayoutUnavailable]),
            // Another room's booking at the same time holding other items, or none, is no conflict of this one.
            (VenuesIntents.NewBooking(room.Id, nine.AddHours(3), 60, equipment: [new EquipmentLine(kits.Id, 1), new EquipmentLine(mics.Id, 4)]), []),
            (VenuesIntents.NewBooking(other.Id, nine.AddHours(3), 60, equipment: [new EquipmentLine(kits.Id, 3)]), []),
        ];
        foreach (var (input, kinds) in cases)
        {
            var checkedConflicts = await (await manager.PostAsJsonAsync("/api/v1/venues/bookings/check", input, Intents.Json)).OkAsync<List<ConflictView>>();
            Assert.Equal(kinds, checkedConflicts.Select(c => c.Kind));
            if (kinds.Length == 0)
            {
                continue;
            }

            var refusal = await (await app.BookConfirmedAsync(input)).RefusalAsync();
            Assert.Equal(refusal.Conflicts.Select(Key), checkedConflicts.Select(Key));
        }
    }

    [Fact]
    public async Task The_check_refuses_an_unknown_room_or_item_with_the_field_problems_of_the_booking()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "CHK-C"));
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        foreach (var input in new[]
        {
            VenuesIntents.NewBooking(Guid.NewGuid(), VenuesIntents.DayOneNine, 60),
            VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine, 60, equipment: [new EquipmentLine(Guid.NewGuid(), 1)]),
            VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine, -30),
        })
        {
            var check = await manager.PostAsJsonAsync("/api/v1/venues/bookings/check", input, Intents.Json);
            var booking = await manager.PostAsJsonAsync("/api/v1/venues/bookings/confirmed", input, Intents.Json);
            Assert.Equal(422, (int)check.StatusCode);
            var (checkProblem, bookingProblem) = (await check.ProblemAsync(), await booking.ProblemAsync());
            foreach (var property in new[] { "code", "title", "details" })
            {
                Assert.Equal(Text(bookingProblem, property), Text(checkProblem, property));
            }
        }
    }

    private static string? Text(System.Text.Json.JsonElement problem, string property) =>
        problem.TryGetProperty(property, out var value) ? value.GetRawText() : null;

    private static (BookingConflictKind, string, Guid?, int?, int?) Key(ConflictView c) => (c.Kind, c.Message, c.WithId, c.Needed, c.Available);
}
