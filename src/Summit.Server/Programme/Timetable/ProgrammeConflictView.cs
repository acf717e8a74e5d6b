using Summit.Server.Programme.Rules;

namespace Summit.Server.Programme.Timetable;

/// <summary>A conflict as the reader sees it: the rule, its severity, a sentence in the reader's language and what it concerns.</summary>
public sealed record ProgrammeConflictView(
    ConflictRule Rule,
    RuleSeverity Severity,
    string Message,
    Guid SessionId,
    Guid? OtherSessionId,
    Guid? PersonId,
    Guid? RoomId,
    int? Needed,
    int? Available,
    string? Language,
    Guid? ItemId = null);
