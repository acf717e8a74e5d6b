namespace Summit.Server.Venues.Contracts;

/// <summary>
/// Why the venue refuses a reservation: the conflict's kind as the venues API names it (<c>Overlap</c>, <c>Blocked</c>, <c>Capacity</c>...),
/// a sentence in the reader's language, and what it collides with (a booking or blocking, with its title and period), when anything.
/// </summary>
public sealed record ReservationConflict(string Kind, string Message, Guid? WithId, string? WithTitle, DateTimeOffset? From, DateTimeOffset? Until);
