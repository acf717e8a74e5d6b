namespace Summit.Server.Events.Contracts;

/// <summary>
/// The current event as a hot path needs it: its id and the zone its times are read in, without its names or venues (one small read,
/// where <see cref="EventFacts"/> also reads the event's venues).
/// </summary>
public sealed record EventClock(Guid Id, TimeZoneInfo Zone);
