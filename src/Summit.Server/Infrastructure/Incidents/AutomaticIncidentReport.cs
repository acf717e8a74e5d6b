namespace Summit.Server.Infrastructure.Incidents;

/// <summary>
/// A problem a module detected on its own (a fever at a gate, a silent sensor, a crowded zone, an offline double entry).
/// <see cref="Cause"/> is a stable key ("screening.fever", "sensor.silent", "zone.crowded", "access.double-entry"):
/// while an incident of the same cause at the same place is open, a new report adds its evidence to it instead of
/// opening another. <see cref="Title"/> is a key of the reporting module's catalog with its arguments: the incident shows it in
/// each reader's language.
/// </summary>
public sealed record AutomaticIncidentReport(IncidentType Type, IncidentSeverity Severity, string Cause, IncidentPlace Place,
    IncidentText Title, IncidentEvidence Evidence);
