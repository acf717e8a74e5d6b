namespace Summit.Server.Screening;

/// <summary>
/// A body-temperature sensor at a gate. It authenticates with a secret shown once at enrolment: it signs every reading with it
/// (HMAC-SHA256) and logs in to the in-process broker with it. Verifying needs the secret itself, so it is kept encrypted
/// (FieldProtector), not hashed.
/// </summary>
public sealed class Sensor
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }

    /// <summary>The id the sensor publishes under (topic and payload): letters, digits, '.', '_' and '-'.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";
    public Guid GateId { get; set; }
    public byte[] SecretProtected { get; set; } = [];
    public string SecretPrefix { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public double? LastCelsius { get; set; }
    public DateTimeOffset? LastReadingAt { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }

    /// <summary>The highest sequence number accepted: a reading must carry a higher one, so a recorded message cannot be replayed.</summary>
    public long LastSequence { get; set; } = -1;

    public long ReadingCount { get; set; }

    /// <summary>Set when the silence watch reported this sensor silent; cleared by its next reading (one incident per silence).</summary>
    public DateTimeOffset? SilentSince { get; set; }
}
