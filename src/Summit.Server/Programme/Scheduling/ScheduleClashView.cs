namespace Summit.Server.Programme.Scheduling;

/// <summary>A group of constraints that cannot hold with the others, in the reader's language, with what it is about.</summary>
public sealed record ScheduleClashView(ClashKind Kind, string Message, Guid? SubjectId, string? Audience);
