namespace Summit.Server.Programme.Scheduling;

/// <summary>
/// The solver's answer: its status, the sessions it places or moves (nothing else changes), how many sessions that had a previous placement
/// end up elsewhere, the clashing constraint groups when no timetable exists, and the solver's statistics.
/// </summary>
public sealed record ScheduleProposal(
    ScheduleStatus Status,
    IReadOnlyList<ScheduleMove> Moves,
    int MovedFromPrevious,
    IReadOnlyList<ScheduleClash> Clashes,
    ScheduleStatistics Statistics);
