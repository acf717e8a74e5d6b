namespace Summit.Server.Incidents;

/// <summary>The stable names of the audited incident acts.</summary>
public static class IncidentAuditActions
{
    public const string Created = "incident.created";
    public const string ReportedAgain = "incident.reported_again";
    public const string StatusChanged = "incident.status_changed";
    public const string Assigned = "incident.assigned";
    public const string Commented = "incident.commented";
    public const string PhotoUploaded = "incident.photo.uploaded";
    public const string PhotoViewed = "incident.photo.viewed";
    public const string HealthDetailsViewed = "incident.health_viewed";
    public const string Escalated = "incident.escalated";
    public const string SlaChanged = "incident.sla_changed";
}
