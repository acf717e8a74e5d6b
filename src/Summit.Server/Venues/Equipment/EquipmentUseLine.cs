namespace Summit.Server.Venues.Equipment;

/// <summary>A booking that takes so many of an item, with the period it holds them (its buffers included).</summary>
public sealed record EquipmentUseLine(Guid BookingId, Guid RoomId, string RoomCode, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    DateTimeOffset BlockedFrom, DateTimeOffset BlockedUntil, BookingState State, int Quantity);
