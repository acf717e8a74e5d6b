using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Incidents.Raising;

/// <summary>A staff report of a problem. Staff write in one language; the title defaults to the description's first line.</summary>
public sealed record IncidentInput(IncidentType? Type, IncidentSeverity? Severity, string? Title, string? Description,
    Guid? ZoneId = null, Guid? GateId = null, string? PlaceText = null);
