namespace Summit.Server.Venues;

/// <summary>
/// How much a booking weighs against others. A <see cref="Protocol"/> booking (the main forum, heads of delegation) may displace the
/// <see cref="Normal"/> confirmed bookings of its room it collides with, when the request says so explicitly; a Protocol booking is never
/// displaced. The values are stored: never renumber.
/// </summary>
public enum BookingPriority
{
    Normal = 0,
    Protocol = 1,
}
