namespace Summit.Server.Incidents;

/// <summary>Where an incident is on its way to its end. Resolved and closed incidents may be reopened.</summary>
public enum IncidentStatus
{
    Open,
    Acknowledged,
    InProgress,
    Resolved,
    Closed,
}
