using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Incidents.Reading;

public sealed record IncidentSummary(Guid Id, string Number, IncidentType Type, IncidentSeverity Severity, IncidentStatus Status,
    string Title, string? TitleZh, IncidentPlaceView Place, string? AssignedTeam, string? AssignedUserName, DateTimeOffset CreatedAt,
    SlaClock? Sla, bool Escalated, bool Automatic, int ReportCount);
