namespace Summit.Server.Programme.Scheduling;

/// <summary>
/// The rooms each session may take in the model (docs/adr/0033, amendment of 2026-12-04). A large problem gives every session only the few
/// rooms that fit it best: big enough and the tightest seat class first, in the venue its first audience (its forum) is given, spread over
/// equal rooms by the audience, and always the room it had before (a re-run can stay). Small problems keep every room that fits: their model
/// is small enough, and pruning would only risk the proof. A pruned model that is proved infeasible is solved again with every room.
/// </summary>
internal static class ScheduleCandidates
{
    /// <summary>Rooms per session once pruned.</summary>
    public const int PerSession = 6;

    /// <summary>Pruning starts when the sessions' room choices (optional intervals) would be more than this.</summary>
    public const int PruneAbove = 10_000;

    /// <summary>The rooms each movable session may take, or null when the problem is small enough to keep every room that fits.</summary>
    public static Dictionary<Guid, IReadOnlyList<ScheduleRoom>>? Choose(ScheduleProblem problem, int perSession = PerSession, int pruneAbove = PruneAbove)
    {
        var fitting = problem.Sessions.Where(s => s.Movable).ToDictionary(s => s.Id, s => ScheduleModel.Fitting(problem, s, explain: false));
        if (fitting.Values.Sum(r => r.Count) <= pruneAbove)
        {
            return null;
        }

        var sessions = problem.Sessions.ToDictionary(s => s.Id);
        return fitting.ToDictionary(f => f.Key, f => Best(problem, sessions[f.Key], f.Value, perSession));
    }

    /// <summary>
    /// The <paramref name="count"/> rooms that fit a session best: its previous room first, then rooms that seat its audience, the fewest
    /// seats first, the venue of its audience first, and among equal rooms a turn that depends on the audience, so forums spread out.
    /// </summary>
    public static IReadOnlyList<ScheduleRoom> Best(ScheduleProblem problem, ScheduleSession session, IReadOnlyList<ScheduleRoom> fitting, int count)
    {
        if (fitting.Count <= count)
        {
            return fitting;
        }

        var previous = problem.Previous.GetValueOrDefault(session.Id)?.RoomId ?? session.Current?.RoomId;
        var key = Stable(session.Audiences.Count > 0 ? session.Audiences[0] : session.Id.ToString("N"));
        var venues = fitting.Select(r => r.VenueId).Distinct().Order().ToList();
        var venue = venues[(int)(key % (uint)venues.Count)];
        return [.. fitting.Select((room, index) => (Room: room, Seats: room.SeatsFor(session.Layout), Index: index))
            .OrderBy(r => r.Room.Id == previous ? 0 : 1)
            .ThenBy(r => r.Seats >= session.ExpectedAttendance ? 0 : 1)
            .ThenBy(r => r.Seats)
            .ThenBy(r => r.Room.VenueId == venue ? 0 : 1)
            .ThenBy(r => (r.Index + key) % (uint)fitting.Count)
            .Take(count)
            .Select(r => r.Room)];
    }

    /// <summary>A hash of a text that is the same in every process (string.GetHashCode is not).</summary>
    private static uint Stable(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}
