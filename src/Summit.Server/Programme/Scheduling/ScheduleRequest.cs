namespace Summit.Server.Programme.Scheduling;

/// <summary>
/// What the organizer asks the solver: the grid sessions start on (5, 10, 15, 30 or 60 minutes), how long it may search, whether placed
/// sessions may move (then those in <see cref="Pinned"/> still stay), the length of an unplaced session whose running order gives none,
/// whether the forums of one sector must not overlap, whether warnings count as hard rules too (otherwise only the rules that refuse the
/// edit or stop the release), and the previous placement to stay close to (<see cref="Baseline"/>: "draft").
/// </summary>
public sealed record ScheduleRequest(
    int GridMinutes = 15,
    int TimeLimitSeconds = 10,
    bool MovePlaced = false,
    IReadOnlyList<Guid>? Pinned = null,
    int DefaultMinutes = 60,
    bool SeparateSectors = false,
    bool WarningsAreHard = true,
    string? Baseline = null);
