namespace Summit.Server.Venues.Bookings;

/// <summary>A conflict as the caller reads it: its kind, a sentence in the caller's language and what it collides with.</summary>
public sealed record ConflictView(
    BookingConflictKind Kind,
    string Message,
    Guid? WithId,
    string? WithTitle,
    DateTimeOffset? From,
    DateTimeOffset? Until,
    int? Needed,
    int? Available);
