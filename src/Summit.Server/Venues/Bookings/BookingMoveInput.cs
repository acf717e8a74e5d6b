namespace Summit.Server.Venues.Bookings;

/// <summary>A booking's new room and time (with an offset, kept in UTC); everything else about it stays, its buffers and equipment included.</summary>
public sealed record BookingMoveInput(Guid RoomId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);
