namespace Summit.Server.Programme.Scheduling;

/// <summary>What the solver found: the best timetable proven (Optimal), a timetable not proven best within the time (Feasible, with its gap), proof
/// that none exists (Infeasible, with the clashing constraints), or nothing within the time (Unknown).</summary>
public enum ScheduleStatus
{
    Optimal = 0,
    Feasible = 1,
    Infeasible = 2,
    Unknown = 3,
}
