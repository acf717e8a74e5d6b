namespace Summit.Server.Screening.Contracts;

/// <summary>A silence as it stood at the report's moment (an end after it is not shown).</summary>
public sealed record SilenceRecord(Guid Id, string SensorCode, string GateCode, DateTimeOffset QuietSince, DateTimeOffset ReportedAt, DateTimeOffset? EndedAt);
