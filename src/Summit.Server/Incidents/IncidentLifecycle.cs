namespace Summit.Server.Incidents;

/// <summary>Which status may follow which: the one table the service, the API and the pages share.</summary>
public static class IncidentLifecycle
{
    public static bool Allows(IncidentStatus from, IncidentStatus to) => (from, to) switch
    {
        (IncidentStatus.Open, IncidentStatus.Acknowledged) => true,
        (IncidentStatus.Open or IncidentStatus.Acknowledged, IncidentStatus.InProgress) => true,
        (IncidentStatus.Open or IncidentStatus.Acknowledged or IncidentStatus.InProgress, IncidentStatus.Resolved) => true,
        (IncidentStatus.Resolved, IncidentStatus.Closed) => true,
        // Reopen: a fix that did not hold, or a closed incident that comes back.
        (IncidentStatus.Resolved or IncidentStatus.Closed, IncidentStatus.Open) => true,
        _ => false,
    };

    /// <summary>Moving to these needs words: what fixed it, or why it is back.</summary>
    public static bool NeedsNote(IncidentStatus from, IncidentStatus to) =>
        to == IncidentStatus.Resolved || (to == IncidentStatus.Open && from is IncidentStatus.Resolved or IncidentStatus.Closed);

    public static IReadOnlyList<IncidentStatus> Next(IncidentStatus from) =>
        [.. Enum.GetValues<IncidentStatus>().Where(to => Allows(from, to))];
}
