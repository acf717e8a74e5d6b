namespace Summit.Server.Screening.Contracts;

public sealed record HoldView(Guid Id, Guid GateId, string GateCode, string GateNameEn, string GateNameZh, Guid SensorId, string SensorCode,
    double Celsius, double Threshold, DateTimeOffset RaisedAt, Guid? IncidentId, HoldStatus Status, double? RemeasuredCelsius,
    DateTimeOffset? DecidedAt, string? DecidedBy, string? Note);
