namespace Summit.Server.Programme.Timetable;

/// <summary>
/// One day of the timetable (the event's local day [From, Until)): the rooms, the sessions placed in them that day, the conflicts of those
/// sessions, the event's days to move between, how many sessions of the programme are not placed yet, and the day's sessions whose expected
/// demand overflows their room, each with a suggested swap.
/// </summary>
public sealed record TimetableView(
    DateOnly Day,
    DateTimeOffset From,
    DateTimeOffset Until,
    IReadOnlyList<DateOnly> Days,
    IReadOnlyList<TimetableRoom> Rooms,
    IReadOnlyList<TimetableSlot> Slots,
    IReadOnlyList<ProgrammeConflictView> Conflicts,
    int Unplaced,
    IReadOnlyList<DemandOverflow> Overflows);
