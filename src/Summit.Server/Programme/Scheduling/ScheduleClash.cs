namespace Summit.Server.Programme.Scheduling;

/// <summary>One group of constraints among those that cannot all hold: its kind and what it is about (a room, a person, a session or an audience).</summary>
public sealed record ScheduleClash(ClashKind Kind, Guid? SubjectId = null, string? Audience = null);
