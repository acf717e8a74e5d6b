namespace Summit.Server.Incidents;

/// <summary>The reason codes of the incidents module ("error.{code}" in its catalogs).</summary>
public static class IncidentErrors
{
    public const string NotFound = "incident.not_found";
    public const string TransitionIllegal = "incident.transition_illegal";
    public const string ReasonRequired = "incident.reason_required";
    public const string PlaceRequired = "incident.place_required";
    public const string TeamUnknown = "incident.team_unknown";
    public const string AssigneeUnknown = "incident.assignee_unknown";
    public const string AssignmentEmpty = "incident.assignment_empty";
    public const string NotYours = "incident.not_yours";
    public const string TypeUnknown = "incident.type_unknown";
    public const string SeverityUnknown = "incident.severity_unknown";
    public const string AttachmentNotFound = "incident.attachment_not_found";
    public const string AttachmentLimit = "incident.attachment_limit";
    public const string EventMissing = "incident.event_missing";
    public const string SlaOutOfRange = "incident.sla_out_of_range";
    public const string SlaResolveBeforeAcknowledge = "incident.sla_resolve_before_acknowledge";
    public const string SlaOrder = "incident.sla_order";
    public const string HealthDetailsRestricted = "incident.health_details_restricted";

    public static readonly IReadOnlyList<string> All =
    [
        NotFound, TransitionIllegal, ReasonRequired, PlaceRequired, TeamUnknown, AssigneeUnknown, AssignmentEmpty, NotYours,
        TypeUnknown, SeverityUnknown, AttachmentNotFound, AttachmentLimit, EventMissing, SlaOutOfRange, SlaResolveBeforeAcknowledge, SlaOrder,
        HealthDetailsRestricted,
    ];
}
