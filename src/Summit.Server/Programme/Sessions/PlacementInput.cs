namespace Summit.Server.Programme.Sessions;

/// <summary>Where and when a session takes place: a room of the venues module and its start and end (with an offset).</summary>
public sealed record PlacementInput(Guid RoomId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);
