using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Operations.Incidents;

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

/// <summary>
/// Teams are staff roles: everyone who holds the role is on the team and is told about its incidents. An incident may
/// also name one person, who must hold a role that works on incidents.
/// </summary>
public static class IncidentTeams
{
    public static readonly IReadOnlyList<string> All = [Roles.SecurityOfficer, Roles.OperationsCentre, Roles.VenueManager];

    /// <summary>Who takes an incident nobody assigned: people problems to security, places and things to the venue, the rest to the centre.</summary>
    public static string DefaultFor(IncidentType type) => type switch
    {
        IncidentType.Security or IncidentType.Health => Roles.SecurityOfficer,
        IncidentType.Equipment or IncidentType.Crowding => Roles.VenueManager,
        _ => Roles.OperationsCentre,
    };

    /// <summary>Roles that see and act on every incident, whoever it is assigned to.</summary>
    public static readonly IReadOnlyList<string> Supervising = [Roles.Admin, Roles.OperationsCentre];
}

/// <summary>How fast an incident of one severity must be acknowledged and resolved.</summary>
public sealed class SlaTarget
{
    public int AcknowledgeMinutes { get; set; }
    public int ResolveMinutes { get; set; }
}

/// <summary>Settings of the incidents module (section Summit:Incidents of appsettings).</summary>
public sealed class IncidentOptions
{
    public SlaTarget Critical { get; set; } = new() { AcknowledgeMinutes = 5, ResolveMinutes = 30 };
    public SlaTarget High { get; set; } = new() { AcknowledgeMinutes = 15, ResolveMinutes = 120 };
    public SlaTarget Medium { get; set; } = new() { AcknowledgeMinutes = 30, ResolveMinutes = 480 };
    public SlaTarget Low { get; set; } = new() { AcknowledgeMinutes = 120, ResolveMinutes = 1440 };

    /// <summary>The role that receives escalations of breached SLAs.</summary>
    public string SupervisorRole { get; set; } = Roles.OperationsCentre;

    /// <summary>How often the SLA monitor looks for breaches.</summary>
    public int CheckSeconds { get; set; } = 15;

    public SlaTarget For(IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.Critical => Critical,
        IncidentSeverity.High => High,
        IncidentSeverity.Medium => Medium,
        _ => Low,
    };

    /// <summary>Refuses settings that would make every incident breach at once or never be checked.</summary>
    public void Validate()
    {
        foreach (var severity in Enum.GetValues<IncidentSeverity>())
        {
            var target = For(severity);
            if (target.AcknowledgeMinutes <= 0 || target.ResolveMinutes < target.AcknowledgeMinutes)
            {
                throw new InvalidOperationException(
                    $"Summit:Incidents:{severity}: AcknowledgeMinutes must be positive and ResolveMinutes at least AcknowledgeMinutes.");
            }
        }

        if (!Roles.All.Contains(SupervisorRole))
        {
            throw new InvalidOperationException($"Summit:Incidents:SupervisorRole: {SupervisorRole} is not a Summit role.");
        }

        if (CheckSeconds is < 1 or > 3600)
        {
            throw new InvalidOperationException("Summit:Incidents:CheckSeconds must be between 1 and 3600.");
        }
    }
}

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
