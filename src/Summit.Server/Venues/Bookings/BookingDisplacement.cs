namespace Summit.Server.Venues.Bookings;

/// <summary>
/// Protocol priority (issue 12): whether a Protocol booking may have its room by displacing the Normal confirmed bookings of that room
/// in its way. Pure, like <see cref="BookingRules"/>, whose answer it builds on.
/// <para>
/// Only the confirmed Normal bookings of the same room whose occupied periods (buffers included) overlap the candidate's are ever
/// displaced; a Protocol booking never is. Displacement is offered only when cancelling exactly those bookings leaves no conflict at all:
/// a blocking, a Protocol booking in the way, the layout, the capacity, the hours, or equipment still short once their equipment is back
/// in stock refuse the booking as before. Equipment is never a reason to displace bookings of other rooms.
/// </para>
/// </summary>
public static class BookingDisplacement
{
    /// <summary>The candidate's conflicts, and the bookings it may displace (see the class).</summary>
    public static DisplacementPlan Plan(Booking candidate, Room room, IReadOnlyList<Booking> confirmed, IEnumerable<RoomBlocking> blockings,
        IReadOnlyDictionary<Guid, int> stock, TimeZoneInfo zone)
    {
        var blockingList = blockings as IReadOnlyCollection<RoomBlocking> ?? [.. blockings];
        var conflicts = BookingRules.Check(candidate, room, confirmed, blockingList, stock, zone);
        if (conflicts.Count == 0 || candidate.Priority != BookingPriority.Protocol)
        {
            return new DisplacementPlan(conflicts, []);
        }

        var inTheWay = confirmed.Where(b => b.Id != candidate.Id && b.State == BookingState.Confirmed && b.RoomId == room.Id
            && BookingRules.Overlaps(b.BlockedFrom, b.BlockedUntil, candidate.BlockedFrom, candidate.BlockedUntil)).ToList();
        if (inTheWay.Count == 0 || inTheWay.Any(b => b.Priority != BookingPriority.Normal))
        {
            return new DisplacementPlan(conflicts, []);
        }

        var ids = inTheWay.Select(b => b.Id).ToHashSet();
        var without = BookingRules.Check(candidate, room, [.. confirmed.Where(b => !ids.Contains(b.Id))], blockingList, stock, zone);
        return new DisplacementPlan(conflicts, without.Count == 0 ? [.. inTheWay.OrderBy(b => b.BlockedFrom)] : []);
    }
}
