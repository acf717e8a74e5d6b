namespace Summit.Server.Incidents;

/// <summary>The response times an admin set for one event; none stored means Summit:Incidents applies.</summary>
public sealed class IncidentSlaSettings
{
    public Guid EventId { get; set; }
    public int CriticalAcknowledgeMinutes { get; set; }
    public int CriticalResolveMinutes { get; set; }
    public int HighAcknowledgeMinutes { get; set; }
    public int HighResolveMinutes { get; set; }
    public int MediumAcknowledgeMinutes { get; set; }
    public int MediumResolveMinutes { get; set; }
    public int LowAcknowledgeMinutes { get; set; }
    public int LowResolveMinutes { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
