using Summit.Server.Venues.Contracts;

namespace Summit.Server.Programme.Scheduling;

/// <summary>
/// A session as the solver sees it: how long it lasts, the layout and audience its room must seat, the people in it, the audiences it shares
/// with other sessions (sessions sharing one never overlap: the same forum, the same sector), where it is now (null: not placed) and whether
/// the solver may place or move it. A session that is placed and not movable stays exactly where it is. <see cref="Equipment"/> is the
/// mobile equipment it takes from the venues' stock: for a session the solver may place, what it needs; for one that stays, what its
/// booking holds (as the venue counts it).
/// </summary>
public sealed record ScheduleSession(
    Guid Id,
    int Minutes,
    SeatingLayout Layout,
    int ExpectedAttendance,
    IReadOnlyList<Guid> People,
    IReadOnlyList<string> Audiences,
    SchedulePlacement? Current,
    bool Movable,
    IReadOnlyList<ReservedEquipment>? Equipment = null);
