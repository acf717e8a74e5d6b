using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Venues;
using Summit.Server.Venues.Bookings;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Venues.Bookings;

/// <summary>Which pending requests a confirmation rejects: on its own (pure), then shown before confirming and applied with it through the API.</summary>
public sealed class ConfirmationPreviewTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Nine = new(2026, 11, 8, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Kits = Guid.NewGuid();

    [Fact]
    public void A_confirmation_rejects_the_requests_it_overlaps_with_buffers_or_leaves_short_and_no_others()
    {
        var room = new Room { Code = "SF-01", BoardroomCapacity = 40, SetupMinutes = 15, TeardownMinutes = 10 };
        var other = new Room { Code = "SF-02", BoardroomCapacity = 40 };
        var confirming = Pending(room, Nine, 60, "Bilateral: China and Kazakhstan", kits: 1);
        // Its 10-minute tear-down and this one's 15-minute set-up meet although the meetings do not.
        var sameRoomBuffers = Pending(room, Nine.AddMinutes(70), 60, "Rehearsal", setup: 15);
        var sameRoomLater = Pending(room, Nine.AddMinutes(95), 60, "Later the same morning", setup: 15);
        var shortOfKits = Pending(other, Nine.AddMinutes(30), 60, "Press briefing", kits: 2);
        var enoughKits = Pending(other, Nine.AddMinutes(30), 60, "Briefing with one kit", kits: 1);
        var otherRoom = Pending(other, Nine, 60, "Other room, same time");
        var facts = Facts([room, other], [], kitStock: 2);

        var rejected = ConfirmationPreview.WouldReject(confirming, [confirming, sameRoomBuffers, sameRoomLater, shortOfKits, enoughKits, otherRoom], facts);

        Assert.Equal(["Rehearsal", "Press briefing"], rejected.Select(r => r.Pending.Title).OrderByDescending(t => t, StringComparer.Ordinal));
        var overlap = Assert.Single(rejected.Single(r => r.Pending == sameRoomBuffers).Conflicts);
        Assert.Equal((BookingConflictKind.Overlap, confirming.Id), (overlap.Kind, overlap.WithId));
        var shortage = Assert.Single(rejected.Single(r => r.Pending == shortOfKits).Conflicts);
        Assert.Equal((BookingConflictKind.EquipmentShort, Kits, 2, 1), (shortage.Kind, shortage.WithId, shortage.Needed, shortage.Available));
    }

    [Fact]
    public void A_request_that_cannot_be_confirmed_already_is_not_the_confirmations_doing()
    {
        var room = new Room { Code = "SF-01", BoardroomCapacity = 40 };
        var other = new Room { Code = "SF-02", BoardroomCapacity = 40 };
        var confirming = Pending(room, Nine, 60, "Bilateral", kits: 1);
        var heldElsewhere = Confirmed(other, Nine, 60, "Confirmed before", kits: 2);
        var alreadyShort = Pending(other, Nine.AddMinutes(30), 60, "Needs three kits", kits: 3);
        var tooBig = Pending(room, Nine.AddMinutes(30), 60, "Too big for the room", attendance: 300);

        var rejected = ConfirmationPreview.WouldReject(confirming, [alreadyShort, tooBig], Facts([room, other], [heldElsewhere], kitStock: 3));

        // The oversized request overlaps the confirmed booking: that, not its size, is the confirmation's doing.
        var only = Assert.Single(rejected);
        Assert.Equal("Too big for the room", only.Pending.Title);
        Assert.Equal([BookingConflictKind.Overlap], only.Conflicts.Select(c => c.Kind));
    }

    [Fact]
    public async Task The_manager_sees_which_requests_a_confirmation_rejects_and_confirming_rejects_them_with_a_reason_naming_it_audited()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "CP-1", setup: 15, teardown: 10));
        var next = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "CP-2"));
        var kit = await app.CreateEquipmentAsync("Preview kit " + Guid.NewGuid().ToString("N")[..6], 2);
        var start = VenuesIntents.DayOneNine.AddDays(1);
        var chosen = await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, start, 60, "Bilateral: China and Chile", equipment: [new(kit.Id, 1)]));
        var rival = await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, start.AddMinutes(70), 60, "Rival request"));
        var afternoon = await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, start.AddHours(5), 60, "Afternoon request"));
        var kitsShort = await app.RequestOkAsync(VenuesIntents.NewBooking(next.Id, start.AddMinutes(30), 60, "Needs both kits", equipment: [new(kit.Id, 2)]));
        var oneKit = await app.RequestOkAsync(VenuesIntents.NewBooking(next.Id, start.AddMinutes(90), 60, "Needs one kit", equipment: [new(kit.Id, 1)]));
        using var manager = await app.ClientForAsync(Roles.VenueManager);

        var preview = await (await manager.GetAsync($"/api/v1/venues/bookings/{chosen.Id}/confirmation-preview")).OkAsync<ConfirmationPreviewView>();
        Assert.Empty(preview.Conflicts);
        Assert.Equal([rival.Id, kitsShort.Id], preview.WouldReject.Select(d => d.Booking.Id).Order());
        Assert.Contains("Bilateral: China and Chile", Assert.Single(preview.WouldReject.Single(d => d.Booking.Id == rival.Id).Conflicts).Message,
            StringComparison.Ordinal);
        Assert.Equal(BookingConflictKind.EquipmentShort, Assert.Single(preview.WouldReject.Single(d => d.Booking.Id == kitsShort.Id).Conflicts).Kind);
        using (var secretariat = await app.ClientForAsync(Roles.Secretariat))
        {
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await secretariat.GetAsync($"/api/v1/venues/bookings/{chosen.Id}/confirmation-preview")).StatusCode);
        }

        var confirmed = await (await manager.PostAsync($"/api/v1/venues/bookings/{chosen.Id}/confirm", null)).OkAsync<BookingView>();
        Assert.Equal(BookingState.Confirmed, confirmed.State);

        foreach (var id in new[] { rival.Id, kitsShort.Id })
        {
            var displaced = await (await manager.GetAsync($"/api/v1/venues/bookings/{id}")).OkAsync<BookingView>();
            Assert.Equal(BookingState.Rejected, displaced.State);
            Assert.Contains("Bilateral: China and Chile", displaced.Reason, StringComparison.Ordinal);
            Assert.Contains("CP-1", displaced.Reason, StringComparison.Ordinal);
            Assert.Equal(SummitFactory.EmailOf(Roles.VenueManager), displaced.DecidedBy);
        }

        foreach (var id in new[] { afternoon.Id, oneKit.Id })
        {
            Assert.Equal(BookingState.Pending, (await (await manager.GetAsync($"/api/v1/venues/bookings/{id}")).OkAsync<BookingView>()).State);
        }

        var audited = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == VenuesAudit.BookingRejected && (a.EntityId == rival.Id.ToString() || a.EntityId == kitsShort.Id.ToString()))
            .Select(a => a.Changes).ToListAsync());
        Assert.Equal(2, audited.Count);
        Assert.All(audited, changes => Assert.Contains(chosen.Id.ToString(), changes, StringComparison.Ordinal));

        // Confirmed, the booking is no longer a request to preview.
        await (await manager.GetAsync($"/api/v1/venues/bookings/{chosen.Id}/confirmation-preview")).AssertProblemAsync(409, VenuesErrors.BookingNotPending);
    }

    [Fact]
    public async Task A_request_that_cannot_be_confirmed_shows_its_conflicts_in_the_preview_and_confirming_it_rejects_nothing()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "CP-3"));
        var start = VenuesIntents.DayOneNine.AddDays(2);
        var request = await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, start, 60, "Late request"));
        var rival = await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, start, 60, "Other request"));
        var held = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, start.AddMinutes(30), 60, "Booked meanwhile"))).OkAsync<BookingView>();
        using var manager = await app.ClientForAsync(Roles.VenueManager);

        var preview = await (await manager.GetAsync($"/api/v1/venues/bookings/{request.Id}/confirmation-preview")).OkAsync<ConfirmationPreviewView>();
        var conflict = Assert.Single(preview.Conflicts);
        Assert.Equal((BookingConflictKind.Overlap, held.Id), (conflict.Kind, conflict.WithId));
        Assert.Empty(preview.WouldReject);

        await (await manager.PostAsync($"/api/v1/venues/bookings/{request.Id}/confirm", null)).RefusalAsync();
        Assert.Equal(BookingState.Pending, (await (await manager.GetAsync($"/api/v1/venues/bookings/{rival.Id}")).OkAsync<BookingView>()).State);
    }

    private static Booking Pending(Room room, DateTimeOffset start, int minutes, string title, int kits = 0, int? setup = null, int attendance = 10)
    {
        var booking = new Booking { RoomId = room.Id, Title = title, Layout = RoomLayout.Boardroom, ExpectedAttendance = attendance, State = BookingState.Pending };
        booking.SetTimes(start, start.AddMinutes(minutes), setup ?? room.SetupMinutes, room.TeardownMinutes);
        if (kits > 0)
        {
            booking.Equipment = [new BookingEquipment { BookingId = booking.Id, EquipmentItemId = Kits, Quantity = kits }];
        }

        return booking;
    }

    private static Booking Confirmed(Room room, DateTimeOffset start, int minutes, string title, int kits = 0)
    {
        var booking = Pending(room, start, minutes, title, kits);
        booking.State = BookingState.Confirmed;
        return booking;
    }

    private static BookingFacts Facts(IReadOnlyList<Room> rooms, IReadOnlyList<Booking> confirmed, int kitStock) =>
        new(rooms, new Dictionary<Guid, Venue>(), confirmed, [], new Dictionary<Guid, EquipmentItem>
        {
            [Kits] = new EquipmentItem { Id = Kits, NameEn = "Interpretation kit", NameZh = "同传设备", Quantity = kitStock },
        }, Shanghai);
}
