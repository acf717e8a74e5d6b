namespace Summit.Server.Programme.Scheduling;

/// <summary>Where and when a session takes place: a room and a half-open period.</summary>
public sealed record SchedulePlacement(Guid RoomId, DateTimeOffset StartsAt, DateTimeOffset EndsAt);
