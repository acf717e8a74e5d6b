using Summit.Server.Programme.Rules;
using Summit.Server.Venues.Contracts;

namespace Summit.Server.Programme.Scheduling;

/// <summary>
/// A room the solver may use: its venue (for travel times), how many it seats in each layout (0 or absent: it cannot be set out so), the
/// periods it is open for sessions (its bookable hours on each event day) and the periods the venue already holds it for something else
/// (other bookings with their set-up and tear-down buffers, blockings).
/// </summary>
public sealed record ScheduleRoom(
    Guid Id,
    Guid VenueId,
    IReadOnlyDictionary<SeatingLayout, int> Seats,
    IReadOnlyList<TimeWindow> Open,
    IReadOnlyList<TimeWindow> Busy)
{
    public int SeatsFor(SeatingLayout layout) => Seats.TryGetValue(layout, out var seats) ? seats : 0;
}
