using Summit.Server.Programme.Rules;

namespace Summit.Server.Programme.Scheduling;

/// <summary>
/// A proposal to review before accepting it: the solver's status, the diff (each session placed or moved, from → to), the clashes when no
/// timetable exists, the rules it kept as hard, the solver's statistics, and the <see cref="Fingerprint"/> of the draft it was made from
/// (accepting is refused once the draft has changed).
/// </summary>
public sealed record ScheduleProposalView(
    ScheduleStatus Status,
    string Fingerprint,
    IReadOnlyList<ScheduleMoveView> Moves,
    int MovedFromPrevious,
    int Considered,
    IReadOnlyList<ScheduleClashView> Clashes,
    IReadOnlyList<ConflictRule> HardRules,
    ScheduleStatistics Statistics);
