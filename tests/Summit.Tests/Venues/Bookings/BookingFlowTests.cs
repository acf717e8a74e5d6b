using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Venues;
using Summit.Server.Venues.Blockings;
using Summit.Server.Venues.Bookings;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Venues.Bookings;

/// <summary>Staff request rooms, the venue manager books, confirms, cancels and rejects; conflicts are refused with their reasons and other rooms.</summary>
public sealed class BookingFlowTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_request_is_confirmed_or_rejected_a_booking_cancelled_and_every_change_is_audited()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "BL-1", setup: 15, teardown: 10));
        using var manager = await app.ClientForAsync(Roles.VenueManager);

        var request = await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine, 60));
        Assert.Equal(BookingState.Pending, request.State);
        Assert.Equal((15, 10), (request.SetupMinutes, request.TeardownMinutes));
        Assert.Equal(VenuesIntents.DayOneNine.AddMinutes(-15), request.BlockedFrom);
        Assert.Equal(VenuesIntents.DayOneNine.AddMinutes(70), request.BlockedUntil);
        Assert.Equal(SummitFactory.EmailOf(Roles.Secretariat), request.CreatedBy);

        // A second request for the same slot competes: pending requests hold nothing.
        var rival = await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine, 60, "Rival request"));

        var confirmed = await (await manager.PostAsync($"/api/v1/venues/bookings/{request.Id}/confirm", null)).OkAsync<BookingView>();
        Assert.Equal(BookingState.Confirmed, confirmed.State);
        Assert.Equal(SummitFactory.EmailOf(Roles.VenueManager), confirmed.DecidedBy);

        // Confirming it rejected the rival, which would now collide with it, with a reason naming the booking that holds the slot.
        var displaced = await (await manager.GetAsync($"/api/v1/venues/bookings/{rival.Id}")).OkAsync<BookingView>();
        Assert.Equal(BookingState.Rejected, displaced.State);
        Assert.Contains("\"Bilateral meeting\" was confirmed for BL-1, 2021-09-26 09:00", displaced.Reason, StringComparison.Ordinal);
        await (await manager.PostAsync($"/api/v1/venues/bookings/{rival.Id}/confirm", null)).AssertProblemAsync(409, VenuesErrors.BookingNotPending);

        // A request is rejected with the manager's reason, once.
        var later = await app.RequestOkAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine.AddDays(1), 60, "Next day's request"));
        var rejected = await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{later.Id}/reject", new BookingDecisionInput("Slot taken"), Intents.Json))
            .OkAsync<BookingView>();
        Assert.Equal((BookingState.Rejected, "Slot taken"), (rejected.State, rejected.Reason));
        await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{later.Id}/reject", new BookingDecisionInput(), Intents.Json))
            .AssertProblemAsync(409, VenuesErrors.BookingNotPending);

        var cancelled = await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{request.Id}/cancel", new BookingDecisionInput("Meeting moved"),
            Intents.Json)).OkAsync<BookingView>();
        Assert.Equal(BookingState.Cancelled, cancelled.State);
        await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{request.Id}/cancel", new BookingDecisionInput(), Intents.Json))
            .AssertProblemAsync(409, VenuesErrors.BookingClosed);

        // Cancelled, the slot is free again.
        var again = await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine, 60, "Rebooked"));
        var rebooked = await again.OkAsync<BookingView>();

        var listed = await (await manager.GetAsync($"/api/v1/venues/bookings?roomId={room.Id}&from=2021-09-26T00:00:00Z&until=2021-09-27T00:00:00Z"))
            .OkAsync<List<BookingView>>();
        Assert.Equal(3, listed.Count);
        Assert.Equal((BookingState.Cancelled, BookingState.Rejected, BookingState.Confirmed),
            (listed.Single(b => b.Id == request.Id).State, listed.Single(b => b.Id == rival.Id).State, listed.Single(b => b.Id == rebooked.Id).State));

        var actions = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "booking" && (a.EntityId == request.Id.ToString() || a.EntityId == rival.Id.ToString() || a.EntityId == rebooked.Id.ToString()))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(
            [VenuesAudit.BookingRequested, VenuesAudit.BookingRequested, VenuesAudit.BookingConfirmed, VenuesAudit.BookingRejected, VenuesAudit.BookingCancelled,
                VenuesAudit.BookingCreatedConfirmed],
            actions);
    }

    [Fact]
    public async Task A_conflicting_booking_is_refused_in_the_readers_language_with_free_rooms_nearest_first()
    {
        var venue = await app.CreateVenueAsync();
        var otherVenue = await app.CreateVenueAsync();
        var asked = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "AS-1", building: "A", floor: "2"));
        var sameFloor = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "AS-2", boardroom: 60, building: "A", floor: "2"));
        var sameFloorTight = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "AS-3", boardroom: 20, building: "A", floor: "2"));
        var otherFloor = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "AS-4", building: "A", floor: "3"));
        var otherBuilding = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "AS-5", building: "B", floor: "2"));
        await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "AS-6", boardroom: 10, building: "A", floor: "2"));
        var busy = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "AS-7", building: "A", floor: "2"));
        var elsewhere = await app.CreateRoomAsync(VenuesIntents.NewRoom(otherVenue.Id, "AS-8"));
        var start = VenuesIntents.DayOneNine.AddDays(1);
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(asked.Id, start, 90, "Ministerial talks"))).OkAsync<BookingView>();
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(busy.Id, start, 90, "Press briefing"))).OkAsync<BookingView>();

        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        secretariat.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
        var response = await secretariat.PostAsJsonAsync("/api/v1/venues/bookings", VenuesIntents.NewBooking(asked.Id, start.AddMinutes(30), 60, attendance: 12),
            Intents.Json);
        var problem = await response.ProblemAsync();
        var refusal = await response.RefusalAsync();

        Assert.StartsWith("预订被拒绝（1 项冲突）", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("“Ministerial talks”", Assert.Single(refusal.Conflicts).Message, StringComparison.Ordinal);
        // Free rooms that fit 12: the same floor first (the tighter fit first), then the same building, then the venue, then elsewhere; the
        // busy room and the one seating 10 are left out.
        Assert.Equal([sameFloorTight.Id, sameFloor.Id, otherFloor.Id, otherBuilding.Id, elsewhere.Id],
            refusal.Alternatives.Where(a => new[] { venue.NameEn, otherVenue.NameEn }.Contains(a.VenueNameEn)).Select(a => a.RoomId));

        // The same ranking is offered on request, before booking.
        var offered = await (await secretariat.PostAsJsonAsync("/api/v1/venues/bookings/alternatives",
            VenuesIntents.NewBooking(asked.Id, start.AddMinutes(30), 60, attendance: 12), Intents.Json)).OkAsync<List<RoomAlternativeView>>();
        Assert.Equal(refusal.Alternatives.Select(a => a.RoomId), offered.Select(a => a.RoomId));
    }

    [Fact]
    public async Task Equipment_short_across_rooms_is_refused_until_stock_is_freed()
    {
        var venue = await app.CreateVenueAsync();
        var first = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "EQ-1"));
        var second = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "EQ-2"));
        var kits = await app.CreateEquipmentAsync("Interpretation kit " + Guid.NewGuid().ToString("N")[..6], 4);
        var start = VenuesIntents.DayOneNine.AddHours(3);
        var holding = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(first.Id, start, 60, equipment: [new EquipmentLine(kits.Id, 3)])))
            .OkAsync<BookingView>();

        var refusal = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(second.Id, start.AddMinutes(30), 60, equipment: [new EquipmentLine(kits.Id, 2)])))
            .RefusalAsync();
        var shortage = Assert.Single(refusal.Conflicts);
        Assert.Equal((BookingConflictKind.EquipmentShort, kits.Id, 2, 1), (shortage.Kind, shortage.WithId, shortage.Needed, shortage.Available));
        Assert.Contains(kits.NameEn, shortage.Message, StringComparison.Ordinal);

        // One fits; and once the first booking is cancelled, two do.
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(second.Id, start.AddMinutes(30), 60, equipment: [new EquipmentLine(kits.Id, 1)])))
            .OkAsync<BookingView>();
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        await (await manager.PostAsJsonAsync($"/api/v1/venues/bookings/{holding.Id}/cancel", new BookingDecisionInput(), Intents.Json)).OkAsync<BookingView>();
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(first.Id, start.AddMinutes(30), 60, equipment: [new EquipmentLine(kits.Id, 3)])))
            .OkAsync<BookingView>();
    }

    [Fact]
    public async Task A_blocked_room_refuses_bookings_and_a_blocking_over_a_confirmed_booking_is_refused()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "BK-1"));
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        var start = VenuesIntents.DayOneNine.AddDays(2);
        var sweep = await (await manager.PostAsJsonAsync("/api/v1/venues/blockings", new BlockingInput(room.Id, start, start.AddHours(2), "Security sweep"),
            Intents.Json)).OkAsync<BlockingView>();

        var refusal = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, start.AddHours(1), 60))).RefusalAsync();
        var blocked = Assert.Single(refusal.Conflicts);
        Assert.Equal((BookingConflictKind.Blocked, sweep.Id, "Security sweep"), (blocked.Kind, blocked.WithId, blocked.WithTitle));

        var booked = await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, start.AddHours(2), 60, "After the sweep"))).OkAsync<BookingView>();
        var response = await manager.PostAsJsonAsync("/api/v1/venues/blockings", new BlockingInput(room.Id, start.AddHours(2), start.AddHours(4), "Second sweep"),
            Intents.Json);
        await response.AssertProblemAsync(409, VenuesErrors.BlockingOverlapsConfirmed);
        Assert.Contains(booked.Title, (await response.ProblemAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await manager.DeleteAsync($"/api/v1/venues/blockings/{sweep.Id}")).StatusCode);
        await (await app.BookConfirmedAsync(VenuesIntents.NewBooking(room.Id, start.AddHours(1), 60))).OkAsync<BookingView>();
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_with_stable_codes()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "BI-1"));
        using var manager = await app.ClientForAsync(Roles.VenueManager);

        var bad = VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine, -30, title: new string('x', 201), attendance: 0,
            equipment: [new EquipmentLine(Guid.NewGuid(), 1)]) with
        { HolderName = null, HolderKind = BookingHolderKind.Person };
        var response = await manager.PostAsJsonAsync("/api/v1/venues/bookings/confirmed", bad, Intents.Json);
        await response.AssertProblemAsync(422, ErrorCodes.RequestInvalid);
        var details = (await response.ProblemAsync()).GetProperty("details").EnumerateArray()
            .Select(d => (d.GetProperty("field").GetString(), d.GetProperty("code").GetString())).ToList();
        Assert.Equal(
            [("endsAt", VenuesErrors.PeriodInvalid), ("title", ErrorCodes.FieldTooLong), ("holderName", VenuesErrors.HolderIdRequired),
                ("expectedAttendance", ErrorCodes.NumberOutOfRange), ("equipment", VenuesErrors.EquipmentUnknown)],
            details);

        var tooLong = VenuesIntents.NewBooking(room.Id, VenuesIntents.DayOneNine, 32 * 24 * 60);
        await (await manager.PostAsJsonAsync("/api/v1/venues/bookings/confirmed", tooLong, Intents.Json)).AssertProblemAsync(422, ErrorCodes.RequestInvalid);
        await (await manager.PostAsync($"/api/v1/venues/bookings/{Guid.NewGuid()}/confirm", null)).AssertProblemAsync(404, VenuesErrors.BookingNotFound);
        await (await manager.GetAsync("/api/v1/venues/bookings?from=2021-09-26T00:00:00Z&until=2021-12-31T00:00:00Z"))
            .AssertProblemAsync(422, VenuesErrors.WindowTooWide);

        // A room's access zone is one of the access module's zones; its hours open before they close.
        var roomResponse = await manager.PostAsJsonAsync("/api/v1/venues/rooms",
            VenuesIntents.NewRoom(venue.Id, "BI 2", zoneId: Guid.NewGuid(), opensAt: new TimeOnly(20, 0), closesAt: new TimeOnly(8, 0)), Intents.Json);
        await roomResponse.AssertProblemAsync(422, ErrorCodes.RequestInvalid);
        var roomDetails = (await roomResponse.ProblemAsync()).GetProperty("details").EnumerateArray()
            .Select(d => (d.GetProperty("field").GetString(), d.GetProperty("code").GetString())).ToList();
        Assert.Equal([("code", VenuesErrors.RoomCodeInvalid), ("closesAt", VenuesErrors.HoursInvalid), ("zoneId", ErrorCodes.ZoneUnknown)], roomDetails);
        await (await manager.PostAsJsonAsync("/api/v1/venues/rooms", VenuesIntents.NewRoom(venue.Id, "BI-1"), Intents.Json))
            .AssertProblemAsync(422, ErrorCodes.RequestInvalid);
    }

    [Fact]
    public async Task A_rooms_access_zone_is_chosen_from_the_access_modules_zones_and_changes_are_audited()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var zone = await (await secretariat.PostAsJsonAsync("/api/v1/access/zones",
            new Summit.Server.Access.Zones.ZoneInput("VEN-" + Guid.NewGuid().ToString("N")[..4], "Sub-forum 7", "第七分论坛", null, 300), Intents.Json))
            .OkAsync<Summit.Server.Access.Contracts.ZoneView>();
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "ZN-1", zoneId: zone.Id));
        Assert.Equal((zone.Id, zone.Code), (room.ZoneId, room.ZoneCode));

        using var manager = await app.ClientForAsync(Roles.VenueManager);
        var changed = await (await manager.PutAsJsonAsync($"/api/v1/venues/rooms/{room.Id}", VenuesIntents.NewRoom(venue.Id, "ZN-1", boardroom: 36),
            Intents.Json)).OkAsync<Summit.Server.Venues.Rooms.RoomView>();
        Assert.Equal((36, (Guid?)null), (changed.BoardroomCapacity, changed.ZoneId));
        var audit = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == VenuesAudit.RoomUpdated && a.EntityId == room.Id.ToString()));
        Assert.Contains("36", audit.Changes!, StringComparison.Ordinal);
        Assert.DoesNotContain("nameEn", audit.Changes!, StringComparison.Ordinal);
    }
}
