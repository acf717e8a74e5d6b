using Summit.Server.Programme.Rules;

namespace Summit.Server.Programme.Scheduling;

/// <summary>
/// Everything the solver decides from, read once and then pure: the event's period (from <see cref="Origin"/>, <see cref="Days"/> days),
/// the time grid sessions start on (<see cref="GridMinutes"/> from the origin), the rooms, the sessions, the people's availability, the
/// rules' settings (which say what is hard: a rule whose severity is at least <see cref="Hardest"/> must hold, a room is never held twice),
/// and the previous placement a re-run should move as little as possible from (the draft's, or a released version's: whoever builds the
/// problem chooses), and the venues' mobile equipment <see cref="Stock"/> (none given: the sessions' equipment is not judged). Bounded by
/// <see cref="Limits"/>.
/// </summary>
public sealed record ScheduleProblem(
    DateTimeOffset Origin,
    int Days,
    int GridMinutes,
    IReadOnlyList<ScheduleRoom> Rooms,
    IReadOnlyList<ScheduleSession> Sessions,
    IReadOnlyDictionary<Guid, PersonFacts> People,
    RuleSettings Settings,
    IReadOnlyDictionary<Guid, SchedulePlacement> Previous,
    ScheduleLimits Limits,
    RuleSeverity Hardest = RuleSeverity.Warn,
    IReadOnlyList<ScheduleStock>? Stock = null)
{
    /// <summary>Whether the solver must keep the rule: a rule whose severity is <see cref="Hardest"/> or graver (a room held twice: always).</summary>
    public bool IsHard(ConflictRule rule) => rule == ConflictRule.RoomDoubleBooked || Settings.SeverityOf(rule) <= Hardest;

    /// <summary>
    /// The timetable with a proposal's moves made (none: as it is), as <see cref="ProgrammeRules"/> judges it, to check a proposal by the one
    /// rules class. Language and channels are left out (every session is taken as given in all required languages): the solver changes
    /// neither, so interpretation is no rule of its.
    /// </summary>
    public IReadOnlyList<SessionFacts> Facts(ScheduleProposal? proposal = null)
    {
        var rooms = Rooms.ToDictionary(r => r.Id);
        var moves = proposal?.Moves.ToDictionary(m => m.SessionId, m => m.To) ?? [];
        return [.. Sessions.Select(s =>
        {
            var at = moves.GetValueOrDefault(s.Id) ?? s.Current;
            var room = at is null ? null : rooms.GetValueOrDefault(at.RoomId);
            return new SessionFacts(s.Id, SessionKind.Break, at?.RoomId, room?.VenueId, at is null ? null : new TimeWindow(at.StartsAt, at.EndsAt),
                s.ExpectedAttendance, room?.SeatsFor(s.Layout), "", [], s.People);
        })];
    }
}
