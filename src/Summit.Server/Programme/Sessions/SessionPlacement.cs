namespace Summit.Server.Programme.Sessions;

/// <summary>One session's new place in a placement of several at once (an accepted schedule).</summary>
public sealed record SessionPlacement(Guid SessionId, Guid RoomId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);
