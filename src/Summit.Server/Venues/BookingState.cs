namespace Summit.Server.Venues;

/// <summary>
/// Where a booking stands. Only a confirmed booking holds its room and equipment (the database refuses two confirmed bookings of a room
/// whose times, buffers included, overlap: docs/adr/0027); pending ones compete for the slot until one is confirmed.
/// The values are stored, and the database guarantee names <see cref="Confirmed"/> by its value: never renumber.
/// </summary>
public enum BookingState
{
    Pending = 0,
    Confirmed = 1,
    Cancelled = 2,
    Rejected = 3,
}
