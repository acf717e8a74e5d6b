namespace Summit.Server.Screening.Sensors;

public sealed record SensorView(Guid Id, string Code, string Name, Guid GateId, string GateCode, string SecretPrefix, DateTimeOffset CreatedAt,
    string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy, double? LastCelsius, DateTimeOffset? LastReadingAt, DateTimeOffset? LastSeenAt,
    long ReadingCount, DateTimeOffset? SilentSince, long RefusedCount, long LastSequence)
{
    public bool IsActive => RevokedAt is null;
}
