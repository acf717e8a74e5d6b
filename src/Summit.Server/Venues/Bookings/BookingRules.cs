namespace Summit.Server.Venues.Bookings;

/// <summary>
/// Decides whether a booking may have its room at its time: the one place conflicts are decided (issue 12). Pure: it reads only what
/// it is given (the room, the confirmed bookings and blockings that may touch the booking's period, the equipment stock and the event's
/// time zone), so it is tested on its own and the same answer serves a new booking, a confirmation and the search for other rooms.
/// <para>
/// A booking occupies its room from its start less the set-up buffer to its end plus the tear-down buffer; periods are half-open, so one
/// that ends when another begins does not overlap it. Only confirmed bookings hold rooms and equipment; pending ones compete.
/// </para>
/// </summary>
public static class BookingRules
{
    /// <summary>Every conflict of <paramref name="candidate"/> (empty: it may be confirmed).</summary>
    /// <param name="candidate">The booking, with its times and buffers set; its <see cref="Booking.RoomId"/> is <paramref name="room"/>'s.</param>
    /// <param name="confirmed">Confirmed bookings of any room (the candidate itself, if among them, is ignored).</param>
    /// <param name="blockings">Blockings of any room.</param>
    /// <param name="stock">Equipment stock by item id; an item not listed has none.</param>
    /// <param name="zone">The event's time zone, in which the room's bookable hours are read.</param>
    public static IReadOnlyList<BookingConflict> Check(Booking candidate, Room room, IEnumerable<Booking> confirmed, IEnumerable<RoomBlocking> blockings,
        IReadOnlyDictionary<Guid, int> stock, TimeZoneInfo zone)
    {
        var conflicts = new List<BookingConflict>();
        var others = confirmed.Where(b => b.Id != candidate.Id && b.State == BookingState.Confirmed
            && Overlaps(b.BlockedFrom, b.BlockedUntil, candidate.BlockedFrom, candidate.BlockedUntil)).ToList();

        foreach (var other in others.Where(b => b.RoomId == room.Id).OrderBy(b => b.BlockedFrom))
        {
            conflicts.Add(new BookingConflict(BookingConflictKind.Overlap, other.Id, other.Title, other.BlockedFrom, other.BlockedUntil));
        }

        foreach (var blocking in blockings.Where(k => k.RoomId == room.Id && Overlaps(k.From, k.Until, candidate.BlockedFrom, candidate.BlockedUntil))
            .OrderBy(k => k.From))
        {
            conflicts.Add(new BookingConflict(BookingConflictKind.Blocked, blocking.Id, blocking.Reason, blocking.From, blocking.Until));
        }

        var capacity = room.CapacityFor(candidate.Layout);
        if (capacity <= 0)
        {
            conflicts.Add(new BookingConflict(BookingConflictKind.LayoutUnavailable));
        }
        else if (candidate.ExpectedAttendance > capacity)
        {
            conflicts.Add(new BookingConflict(BookingConflictKind.Capacity, Needed: candidate.ExpectedAttendance, Available: capacity));
        }

        foreach (var line in candidate.Equipment.GroupBy(l => l.EquipmentItemId).Select(g => (Item: g.Key, Quantity: g.Sum(l => l.Quantity))))
        {
            var available = stock.GetValueOrDefault(line.Item) - PeakUse(line.Item, others, candidate.BlockedFrom, candidate.BlockedUntil);
            if (line.Quantity > available)
            {
                conflicts.Add(new BookingConflict(BookingConflictKind.EquipmentShort, line.Item, Needed: line.Quantity, Available: Math.Max(0, available)));
            }
        }

        if (!WithinHours(candidate, room, zone))
        {
            conflicts.Add(new BookingConflict(BookingConflictKind.OutsideHours));
        }

        return conflicts;
    }

    /// <summary>Half-open periods [from, until): touching is not overlapping.</summary>
    public static bool Overlaps(DateTimeOffset aFrom, DateTimeOffset aUntil, DateTimeOffset bFrom, DateTimeOffset bUntil) => aFrom < bUntil && bFrom < aUntil;

    /// <summary>
    /// The most of an item that the given bookings use at any one instant of [from, until): bookings that follow each other share
    /// the same units, so their quantities are not simply added.
    /// </summary>
    public static int PeakUse(Guid item, IReadOnlyList<Booking> bookings, DateTimeOffset from, DateTimeOffset until)
    {
        var changes = new List<(DateTimeOffset At, int Delta)>();
        foreach (var booking in bookings)
        {
            var quantity = booking.Equipment.Where(l => l.EquipmentItemId == item).Sum(l => l.Quantity);
            if (quantity > 0)
            {
                changes.Add((booking.BlockedFrom < from ? from : booking.BlockedFrom, quantity));
                changes.Add((booking.BlockedUntil > until ? until : booking.BlockedUntil, -quantity));
            }
        }

        // At the same instant, releases come before takes: a kit returned at 10:00 can be taken at 10:00.
        var peak = 0;
        var use = 0;
        foreach (var change in changes.OrderBy(c => c.At).ThenBy(c => c.Delta))
        {
            use += change.Delta;
            peak = Math.Max(peak, use);
        }

        return peak;
    }

    /// <summary>The booking's own time (not its buffers) lies within the room's bookable hours of one local day.</summary>
    private static bool WithinHours(Booking candidate, Room room, TimeZoneInfo zone)
    {
        if (room.OpensAt is not { } opens || room.ClosesAt is not { } closes)
        {
            return true;
        }

        // Opening hours are local: 08:00-22:00 in Wuzhen is 00:00-14:00 UTC. A booking past midnight is outside them (rooms close before).
        var start = TimeZoneInfo.ConvertTime(candidate.StartsAt, zone).DateTime;
        var end = TimeZoneInfo.ConvertTime(candidate.EndsAt, zone).DateTime;
        return start.Date == end.Date && TimeOnly.FromDateTime(start) >= opens && TimeOnly.FromDateTime(end) <= closes;
    }
}
