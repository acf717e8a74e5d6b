namespace Summit.Server.Venues.Bookings;

/// <summary>
/// What a booking's conflicts leave to displacement: <see cref="Displaceable"/>, the confirmed bookings it would cancel, is empty unless
/// cancelling exactly them (Normal confirmed bookings of the same room overlapping it) clears every conflict.
/// </summary>
public sealed record DisplacementPlan(IReadOnlyList<BookingConflict> Conflicts, IReadOnlyList<Booking> Displaceable)
{
    public bool CanDisplace => Conflicts.Count > 0 && Displaceable.Count > 0;
}
