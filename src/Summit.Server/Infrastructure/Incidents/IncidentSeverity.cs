namespace Summit.Server.Infrastructure.Incidents;

/// <summary>How urgent an incident is: each severity has its own response-time target (SLA).</summary>
public enum IncidentSeverity
{
    Low,
    Medium,
    High,
    Critical,
}
