namespace Summit.Server.Screening.Contracts;

/// <summary>A hold as it stood at the report's moment: a decision taken after it is not shown.</summary>
/// <param name="MinutesToDecision">From the hold to the officer's decision; null while open.</param>
public sealed record HoldRecord(Guid Id, DateTimeOffset RaisedAt, string GateCode, string SensorCode, double Celsius, double Threshold, HoldStatus Status,
    double? RemeasuredCelsius, DateTimeOffset? DecidedAt, string? DecidedBy, double? MinutesToDecision, Guid? IncidentId, string? Note);
