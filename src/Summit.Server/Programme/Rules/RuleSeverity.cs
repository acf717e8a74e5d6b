namespace Summit.Server.Programme.Rules;

/// <summary>
/// What a broken rule does: refuse the edit that breaks it, let the edit stand but stop the timetable's release (the release service
/// refuses while such a conflict remains), warn, or nothing. Stored: never renumber.
/// </summary>
public enum RuleSeverity
{
    BlockEdit = 0,
    BlockRelease = 1,
    Warn = 2,
    Ignore = 3,
}
