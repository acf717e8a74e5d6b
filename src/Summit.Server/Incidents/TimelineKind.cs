namespace Summit.Server.Incidents;

/// <summary>What a timeline line says happened (its text is "incidents.timeline.{kind}" in the catalogs).</summary>
public enum TimelineKind
{
    Raised,
    Reported,
    Acknowledged,
    Started,
    Resolved,
    Closed,
    Reopened,
    Assigned,
    Commented,
    PhotoAdded,
    EvidenceAdded,
    AcknowledgeBreached,
    ResolveBreached,
    SeverityChanged,
}
