using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Incidents.Contracts;

/// <summary>
/// One period of an incident as it stood at the report's moment (steps taken after it are not shown), with the times every incident
/// figure is computed from.
/// </summary>
/// <param name="Period">0 from the raising, then the reopen's number.</param>
/// <param name="SlaStep">What the period waited for at the moment: "acknowledge", "resolve", or "done".</param>
/// <param name="Minutes">The minutes the figure takes from this row (see <see cref="IncidentMeasure"/>); null for counts.</param>
public sealed record IncidentPeriodRecord(string Number, IncidentType Type, IncidentSeverity Severity, DateTimeOffset RaisedAt, int Period,
    DateTimeOffset PeriodStartedAt, DateTimeOffset AcknowledgeDueAt, DateTimeOffset? AcknowledgedAt, bool AcknowledgeLate, DateTimeOffset ResolveDueAt,
    DateTimeOffset? ResolvedAt, bool ResolveLate, string SlaStep, double? Minutes);
