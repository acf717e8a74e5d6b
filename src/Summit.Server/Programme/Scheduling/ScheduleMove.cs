namespace Summit.Server.Programme.Scheduling;

/// <summary>One line of a proposal: the session, where it is now (null: not placed) and where the solver puts it.</summary>
public sealed record ScheduleMove(Guid SessionId, SchedulePlacement? From, SchedulePlacement To);
