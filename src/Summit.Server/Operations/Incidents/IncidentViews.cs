using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Operations.Incidents;

/// <summary>A staff report of a problem. Staff write in one language; the title defaults to the description's first line.</summary>
public sealed record IncidentInput(IncidentType? Type, IncidentSeverity? Severity, string? Title, string? Description,
    Guid? ZoneId = null, Guid? GateId = null, string? PlaceText = null);

public sealed record TransitionRequest(IncidentStatus To, string? Note);

/// <summary>Assign to a team (a role of <see cref="IncidentTeams"/>), to one person, or both.</summary>
public sealed record AssignRequest(string? Team, string? UserId);

public sealed record CommentRequest(string? Text);

public sealed record IncidentFilter(IncidentStatus? Status = null, IncidentSeverity? Severity = null, IncidentType? Type = null,
    string? Team = null, bool ActiveOnly = false);

public sealed record IncidentPlaceView(Guid? ZoneId, Guid? GateId, string? Text, string LabelEn, string LabelZh);

/// <summary>The SLA step an incident waits for (acknowledge while open, resolve until resolved) and when it is due.</summary>
public sealed record SlaClock(string Step, DateTimeOffset DueAt, bool Breached);

public sealed record IncidentSummary(Guid Id, string Number, IncidentType Type, IncidentSeverity Severity, IncidentStatus Status,
    string Title, string? TitleZh, IncidentPlaceView Place, string? AssignedTeam, string? AssignedUserName, DateTimeOffset CreatedAt,
    SlaClock? Sla, bool Escalated, bool Automatic, int ReportCount);

public sealed record EvidenceView(string Kind, string Reference, string SummaryEn, string SummaryZh, DateTimeOffset AddedAt, string? Link);

public sealed record TimelineView(DateTimeOffset At, TimelineKind Kind, string Actor, string? Text);

public sealed record AttachmentView(Guid Id, int Width, int Height, DateTimeOffset UploadedAt, string UploadedBy);

public sealed record IncidentDetail(IncidentSummary Summary, string Description, string? Cause, string Reporter,
    DateTimeOffset? AcknowledgedAt, DateTimeOffset? StartedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt, DateTimeOffset? ReopenedAt,
    string? Resolution, DateTimeOffset AcknowledgeDueAt, DateTimeOffset ResolveDueAt, DateTimeOffset? AcknowledgeEscalatedAt,
    DateTimeOffset? ResolveEscalatedAt, IReadOnlyList<EvidenceView> Evidence, IReadOnlyList<TimelineView> Timeline,
    IReadOnlyList<AttachmentView> Photos, IReadOnlyList<IncidentStatus> NextStatuses, bool CanAct, bool CanAssign, bool HealthDetailsWithheld);

public sealed record AssigneeView(string Id, string Name, IReadOnlyList<string> Teams);

public sealed record NotificationView(Guid Id, string Number, NotificationKind Kind, string TitleEn, string TitleZh, DateTimeOffset At, bool Read);

/// <summary>Where the staff pages show an evidence record: the Access pages list scans and entry conflicts live.</summary>
public static class EvidenceLinks
{
    public static string? PageFor(string kind) => kind switch
    {
        "scan" or "entry-conflict" => "/access/live",
        _ => null,
    };
}
