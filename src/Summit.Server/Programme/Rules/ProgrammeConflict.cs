namespace Summit.Server.Programme.Rules;

/// <summary>
/// One broken rule: the session, and for a rule between two sessions the other one (the pair is named in one order, the smaller id
/// first, so the same clash found twice is equal); the person, the room; what was needed and what there is (minutes, seats, units); the missing
/// language; the equipment item.
/// </summary>
public sealed record ProgrammeConflict(
    ConflictRule Rule,
    RuleSeverity Severity,
    Guid SessionId,
    Guid? OtherSessionId = null,
    Guid? PersonId = null,
    Guid? RoomId = null,
    int? Needed = null,
    int? Available = null,
    string? Language = null,
    Guid? ItemId = null)
{
    public bool Involves(Guid sessionId) => SessionId == sessionId || OtherSessionId == sessionId;
}
