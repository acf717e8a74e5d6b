namespace Summit.Server.Programme.Rules;

/// <summary>
/// A session as the rules see it: its time and room (both or neither), the venue of the room, how many the room seats in the session's
/// layout and how many are expected, its language and interpretation channels, the people in it, and the equipment it needs and holds.
/// </summary>
public sealed record SessionFacts(
    Guid Id,
    SessionKind Kind,
    Guid? RoomId,
    Guid? VenueId,
    TimeWindow? Time,
    int ExpectedAttendance,
    int? RoomCapacity,
    string Language,
    IReadOnlyList<string> Channels,
    IReadOnlyList<Guid> People,
    IReadOnlyList<EquipmentNeed>? Equipment = null)
{
    public bool Placed => RoomId is not null && Time is not null;
}
