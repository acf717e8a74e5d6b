namespace Summit.Server.Programme.Scheduling;

/// <summary>
/// The solver's own figures for a run (CP-SAT's response): the objective of the timetable found and the best bound proven on it (their
/// relative <see cref="Gap"/>: 0 when proven optimal), wall and CPU time, branches and conflicts of the search, the model's Booleans, and
/// the workers (threads) it ran on.
/// </summary>
public sealed record ScheduleStatistics(
    double Objective,
    double Bound,
    double WallSeconds,
    double UserSeconds,
    long Branches,
    long Conflicts,
    long Booleans,
    int Workers)
{
    public double Gap => Objective == 0 ? Math.Abs(Objective - Bound) : Math.Abs(Objective - Bound) / Math.Abs(Objective);
}
