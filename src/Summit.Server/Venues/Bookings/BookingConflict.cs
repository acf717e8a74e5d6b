namespace Summit.Server.Venues.Bookings;

/// <summary>
/// One reason a booking is refused, with what it collides with: the booking (its id, title and the period it occupies the room),
/// the blocking, or the equipment item with how many are needed and how many are left.
/// </summary>
public sealed record BookingConflict(
    BookingConflictKind Kind,
    Guid? WithId = null,
    string? WithTitle = null,
    DateTimeOffset? From = null,
    DateTimeOffset? Until = null,
    int? Needed = null,
    int? Available = null);
