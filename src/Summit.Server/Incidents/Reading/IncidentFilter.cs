using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Incidents.Reading;

public sealed record IncidentFilter(IncidentStatus? Status = null, IncidentSeverity? Severity = null, IncidentType? Type = null,
    string? Team = null, bool ActiveOnly = false);
