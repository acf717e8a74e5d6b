using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Venues.Contracts;
using Summit.Server.Venues.Rooms;

namespace Summit.Server.Venues.Bookings;

/// <summary>
/// The venues side of <see cref="IRoomReservations"/>: a session's room is a confirmed booking of holder kind Session made, moved and
/// cancelled by <see cref="BookingService"/>'s own validation and rules (nothing is judged here), through the request's DbContext so that
/// it commits with the caller's change.
/// </summary>
public sealed class RoomReservations(SummitDbContext db, BookingService bookings, RoomService rooms, IEventCalendar events, AuditLog audit)
    : IRoomReservations
{
    /// <summary>The audit action of a session's booking moved with its session (the booking keeps its id).</summary>
    public const string BookingMoved = VenuesAudit.BookingMoved;

    public async Task<IReadOnlyList<ReservableRoom>> ListRoomsAsync(CancellationToken ct = default) =>
        [.. (await rooms.ListRoomsAsync(null, ct)).Select(r => new ReservableRoom(r.Id, r.VenueId, r.VenueNameEn, r.VenueNameZh, r.Code, r.NameEn, r.NameZh,
            r.TheatreCapacity, r.ClassroomCapacity, r.BanquetCapacity, r.BoardroomCapacity, r.OpensAt, r.ClosesAt, r.ZoneId, r.CrewEmail))];

    public async Task<IReadOnlyList<RoomOccupation>> ListOccupiedAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var (start, end) = (from.ToUniversalTime(), until.ToUniversalTime());
        var booked = await db.Set<Booking>().AsNoTracking()
            .Where(b => b.EventId == summitEvent.Id && b.State == BookingState.Confirmed && b.BlockedFrom < end && b.BlockedUntil > start)
            .Select(b => new { b.RoomId, b.BlockedFrom, b.BlockedUntil, b.HolderKind, b.HolderId }).ToListAsync(ct);
        var roomIds = (await rooms.ListRoomsAsync(null, ct)).Select(r => r.Id).ToList();
        var blocked = await db.Set<RoomBlocking>().AsNoTracking().Where(b => roomIds.Contains(b.RoomId) && b.From < end && b.Until > start)
            .Select(b => new { b.RoomId, b.From, b.Until }).ToListAsync(ct);
        return [.. booked.Select(b => new RoomOccupation(b.RoomId, b.BlockedFrom, b.BlockedUntil, b.HolderKind == BookingHolderKind.Session ? b.HolderId : null))
            .Concat(blocked.Select(b => new RoomOccupation(b.RoomId, b.From, b.Until, null)))];
    }

    public async Task<IReadOnlyList<EquipmentStock>> ListEquipmentAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var items = await db.Set<EquipmentItem>().AsNoTracking().Where(e => e.EventId == summitEvent.Id).ToListAsync(ct);
        return [.. items.OrderBy(e => e.NameEn, StringComparer.Ordinal).ThenBy(e => e.Id).Select(e => new EquipmentStock(e.Id, e.NameEn, e.NameZh, e.Quantity))];
    }

    public async Task<IReadOnlyList<EquipmentUse>> ListEquipmentUseAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var (start, end) = (from.ToUniversalTime(), until.ToUniversalTime());
        // Loaded with their lines and flattened here: a SelectMany over the lines needs SQL APPLY, which SQLite lacks.
        var booked = await db.Set<Booking>().AsNoTracking().Include(b => b.Equipment)
            .Where(b => b.EventId == summitEvent.Id && b.State == BookingState.Confirmed && b.BlockedFrom < end && b.BlockedUntil > start && b.Equipment.Any())
            .ToListAsync(ct);
        return [.. booked.SelectMany(b => b.Equipment.Select(l => new EquipmentUse(l.EquipmentItemId, l.Quantity, b.BlockedFrom, b.BlockedUntil, b.Id,
            b.HolderKind == BookingHolderKind.Session ? b.HolderId : null)))];
    }

    public async Task<ReservationOutcome> ReserveAsync(SessionReservation reservation, CancellationToken ct = default)
    {
        try
        {
            var booking = await bookings.BookAsync(InputOf(reservation), ct);
            return new ReservationOutcome(booking.Id, []);
        }
        catch (SummitException ex) when (ex.Details is BookingRefusal refusal)
        {
            return Refused(refusal.Conflicts);
        }
    }

    public async Task<ReservationOutcome> MoveAsync(Guid bookingId, SessionReservation reservation, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var booking = await db.Set<Booking>().Include(b => b.Equipment)
            .FirstOrDefaultAsync(b => b.Id == bookingId && b.EventId == summitEvent.Id && b.HolderKind == BookingHolderKind.Session, ct);
        if (booking is not { State: BookingState.Confirmed })
        {
            // The venue cancelled the session's booking meanwhile (or it never was one): the session is booked afresh.
            return await ReserveAsync(reservation, ct);
        }

        var input = InputOf(reservation);
        var catalog = await bookings.CatalogAsync(ct);
        var (candidate, room) = bookings.Validate(input, catalog);
        candidate.Id = booking.Id;
        // The reservation's equipment replaces the booking's lines when it names any list; Validate checked the items and quantities.
        var lines = reservation.Equipment is null ? booking.Equipment : candidate.Equipment;
        foreach (var line in lines)
        {
            line.BookingId = booking.Id;
        }

        candidate.Equipment = lines;
        var facts = await bookings.FactsAsync(catalog, candidate.StartsAt, candidate.EndsAt, 0, 0, ct);
        var conflicts = facts.Check(candidate, room);
        if (conflicts.Count > 0)
        {
            return Refused([.. conflicts.Select(c => bookings.ToView(c, facts))]);
        }

        var codes = await RoomCodeAsync(booking.RoomId, ct);
        var changes = new Dictionary<string, (object?, object?)>
        {
            ["room"] = (codes, room.Code),
            ["startsAt"] = (booking.StartsAt, candidate.StartsAt),
            ["endsAt"] = (booking.EndsAt, candidate.EndsAt),
            ["title"] = (booking.Title, candidate.Title),
            ["attendance"] = (booking.ExpectedAttendance, candidate.ExpectedAttendance),
            ["layout"] = (booking.Layout, candidate.Layout),
            ["equipment"] = (Describe(booking.Equipment), Describe(lines)),
        };
        booking.RoomId = room.Id;
        booking.SetTimes(candidate.StartsAt, candidate.EndsAt, 0, 0);
        (booking.Title, booking.ExpectedAttendance, booking.Layout) = (candidate.Title, candidate.ExpectedAttendance, candidate.Layout);
        if (!ReferenceEquals(lines, booking.Equipment))
        {
            db.Set<BookingEquipment>().RemoveRange(booking.Equipment);
            db.Set<BookingEquipment>().AddRange(lines);
            booking.Equipment = lines;
        }

        await audit.RecordAsync(BookingMoved, "booking", booking.Id.ToString(), changes.Where(c => !Equals(c.Value.Item1, c.Value.Item2))
            .ToDictionary(c => c.Key, c => c.Value));
        try
        {
            // The database's no-overlap guarantee still has the last word when another booking took the slot after this check.
            await bookings.SaveConfirmedAsync(catalog, booking, room, ct);
            return new ReservationOutcome(booking.Id, []);
        }
        catch (SummitException ex) when (ex.Details is BookingRefusal refusal)
        {
            return Refused(refusal.Conflicts);
        }
    }

    public async Task ReleaseAsync(Guid bookingId, string reason, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var state = await db.Set<Booking>().AsNoTracking().Where(b => b.Id == bookingId && b.EventId == summitEvent.Id).Select(b => (BookingState?)b.State)
            .FirstOrDefaultAsync(ct);
        // A booking the venue cancelled already has nothing left to release.
        if (state is BookingState.Pending or BookingState.Confirmed)
        {
            await bookings.CancelAsync(bookingId, new BookingDecisionInput(reason), ct);
        }
    }

    private static BookingInput InputOf(SessionReservation r) => new(r.RoomId, r.StartsAt, r.EndsAt, r.Title, BookingHolderKind.Session,
        r.ExpectedAttendance, (RoomLayout)r.Layout, HolderId: r.SessionId, SetupMinutes: 0, TeardownMinutes: 0,
        Equipment: r.Equipment is null ? null : [.. r.Equipment.Select(e => new EquipmentLine(e.ItemId, e.Quantity))]);

    private static string Describe(IEnumerable<BookingEquipment> lines) =>
        string.Join(", ", lines.OrderBy(l => l.EquipmentItemId).Select(l => $"{l.Quantity} × {l.EquipmentItemId}"));

    private static ReservationOutcome Refused(IEnumerable<ConflictView> conflicts) =>
        new(null, [.. conflicts.Select(c => new ReservationConflict(c.Kind.ToString(), c.Message, c.WithId, c.WithTitle, c.From, c.Until, c.Needed, c.Available))]);

    private async Task<string> RoomCodeAsync(Guid roomId, CancellationToken ct) =>
        await db.Set<Room>().AsNoTracking().Where(r => r.Id == roomId).Select(r => r.Code).FirstOrDefaultAsync(ct) ?? "?";
}
