using Summit.Server.Incidents.Photos;

namespace Summit.Server.Incidents.Reading;

public sealed record IncidentDetail(IncidentSummary Summary, string Description, string? Cause, string Reporter,
    DateTimeOffset? AcknowledgedAt, DateTimeOffset? StartedAt, DateTimeOffset? ResolvedAt, DateTimeOffset? ClosedAt, DateTimeOffset? ReopenedAt,
    string? Resolution, DateTimeOffset AcknowledgeDueAt, DateTimeOffset ResolveDueAt, DateTimeOffset? AcknowledgeEscalatedAt,
    DateTimeOffset? ResolveEscalatedAt, IReadOnlyList<EvidenceView> Evidence, IReadOnlyList<TimelineView> Timeline,
    IReadOnlyList<AttachmentView> Photos, IReadOnlyList<IncidentStatus> NextStatuses, bool CanAct, bool CanAssign, bool HealthDetailsWithheld);
