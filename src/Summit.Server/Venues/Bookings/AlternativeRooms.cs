namespace Summit.Server.Venues.Bookings;

/// <summary>
/// Ranks the other rooms a booking could have at its time (pure, like <see cref="BookingRules"/>, whose answer decides which are free):
/// rooms of the same venue first, then of the same building, then on the same floor, then the tightest fit for the attendance.
/// </summary>
public static class AlternativeRooms
{
    /// <param name="asked">The room asked for (left out of the answer).</param>
    /// <param name="rooms">Every room of the event.</param>
    /// <param name="candidateIn">The booking as it would be in a given room (with that room's buffers unless the booking overrides them).</param>
    /// <param name="isFree">Whether that booking has no conflict (<see cref="BookingRules.Check"/> with the same facts).</param>
    public static IReadOnlyList<Room> Rank(Room asked, IEnumerable<Room> rooms, RoomLayout layout, int attendance, Func<Room, Booking> candidateIn,
        Func<Booking, Room, bool> isFree, int max) =>
        [.. rooms.Where(r => r.Id != asked.Id && r.CapacityFor(layout) >= Math.Max(1, attendance))
            .Where(r => isFree(candidateIn(r), r))
            .OrderByDescending(r => r.VenueId == asked.VenueId)
            .ThenByDescending(r => r.VenueId == asked.VenueId && Same(r.Building, asked.Building))
            .ThenByDescending(r => r.VenueId == asked.VenueId && Same(r.Building, asked.Building) && Same(r.Floor, asked.Floor))
            .ThenBy(r => r.CapacityFor(layout) - attendance)
            .ThenBy(r => r.SortOrder)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .Take(max)];

    private static bool Same(string a, string b) => a.Length > 0 && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
