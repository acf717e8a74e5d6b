namespace Summit.Server.Venues.Contracts;

/// <summary>
/// A period a room is taken: a confirmed booking from its start less its set-up buffer to its end plus its tear-down buffer, or a blocking.
/// <see cref="SessionId"/> names the programme session a booking holds the room for (null: anything else).
/// </summary>
public sealed record RoomOccupation(Guid RoomId, DateTimeOffset From, DateTimeOffset Until, Guid? SessionId);
