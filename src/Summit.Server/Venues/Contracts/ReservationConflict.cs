namespace Summit.Server.Venues.Contracts;

/// <summary>
/// Why the venue refuses a reservation: the conflict's kind as the venues API names it (<c>Overlap</c>, <c>Blocked</c>, <c>Capacity</c>...),
/// a sentence in the reader's language, and what it collides with (a booking or blocking, with its title and period; for <c>EquipmentShort</c>
/// the equipment item), when anything; and what was needed and what there is (seats, units of an item), when counted.
/// </summary>
public sealed record ReservationConflict(string Kind, string Message, Guid? WithId, string? WithTitle, DateTimeOffset? From, DateTimeOffset? Until,
    int? Needed = null, int? Available = null);
