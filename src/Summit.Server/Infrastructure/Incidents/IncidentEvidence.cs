namespace Summit.Server.Infrastructure.Incidents;

/// <summary>The record that shows what happened, linked from the incident: a scan, a reading, an entry conflict.</summary>
/// <param name="Kind">A stable word for the record's kind: "scan", "reading", "entry-conflict", "zone".</param>
/// <param name="Reference">The record's id, as the module that owns it shows it.</param>
public sealed record IncidentEvidence(string Kind, string Reference, string SummaryEn, string SummaryZh);
