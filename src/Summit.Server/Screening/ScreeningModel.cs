using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

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

/// <summary>One accepted reading, stored as the sensor sent it plus when Summit received it.</summary>
public sealed class SensorReading
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SensorId { get; set; }
    public Guid GateId { get; set; }
    public double Celsius { get; set; }
    public DateTimeOffset MeasuredAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public long Sequence { get; set; }

    /// <summary>Above the threshold in force when it was received.</summary>
    public bool Fever { get; set; }
}

/// <summary>
/// How many messages were refused for one reason from one sensor in one minute, with the last one's time and detail. Messages
/// naming no enrolled sensor share the key "unknown" (their claimed id is in the detail), so hostile traffic grows the table by at
/// most one row per reason and minute; the minute lets a report count the refusals received before its moment, however many come
/// after.
/// </summary>
public sealed class SensorRefusalCount
{
    public const string UnknownKey = "unknown";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string SensorKey { get; set; } = "";
    public Guid? SensorId { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>The start of the minute (UTC) the refusals were received in.</summary>
    public DateTimeOffset Minute { get; set; }
    public long Count { get; set; }
    public DateTimeOffset LastAt { get; set; }
    public string LastDetail { get; set; } = "";
}

/// <summary>
/// One silence of a sensor, kept after it ends so that the closing report can list every sensor that went quiet: opened by the
/// silence watch when it reports the sensor, closed by the sensor's next accepted reading.
/// </summary>
public sealed class SensorSilence
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid SensorId { get; set; }
    public Guid GateId { get; set; }

    /// <summary>The sensor's last sign of life before the silence (its enrolment when it never reported).</summary>
    public DateTimeOffset QuietSince { get; set; }

    /// <summary>When the silence watch found it silent and reported it.</summary>
    public DateTimeOffset ReportedAt { get; set; }

    /// <summary>When its next reading arrived; null while it is still silent.</summary>
    public DateTimeOffset? EndedAt { get; set; }
}

/// <summary>The screening settings an admin set for one event; none stored means the configuration's defaults apply.</summary>
public sealed class ScreeningEventSettings
{
    public Guid EventId { get; set; }
    public double ThresholdCelsius { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

public enum HoldStatus
{
    Open = 0,

    /// <summary>The re-measurement was normal: the person went through.</summary>
    Cleared = 1,

    /// <summary>The re-measurement confirmed a fever: the person was sent to medical care; the lane reopened.</summary>
    FeverConfirmed = 2,
}

/// <summary>A lane stopped by a fever reading until a security officer re-measures and decides. At most one open per gate.</summary>
public sealed class ScreeningHold
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid GateId { get; set; }
    public Guid SensorId { get; set; }
    public Guid ReadingId { get; set; }
    public double Celsius { get; set; }
    public double Threshold { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
    public Guid? IncidentId { get; set; }
    public HoldStatus Status { get; set; }
    public double? RemeasuredCelsius { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    public string? Note { get; set; }
}

internal sealed class SensorConfiguration : IEntityTypeConfiguration<Sensor>
{
    public void Configure(EntityTypeBuilder<Sensor> e)
    {
        e.ToTable("Sensors");
        e.Property(x => x.Code).HasMaxLength(64);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.SecretPrefix).HasMaxLength(16);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.RevokedBy).HasMaxLength(256);
        e.HasIndex(x => x.Code).IsUnique();
        e.HasIndex(x => x.GateId);
    }
}

internal sealed class SensorReadingConfiguration : IEntityTypeConfiguration<SensorReading>
{
    public void Configure(EntityTypeBuilder<SensorReading> e)
    {
        e.ToTable("SensorReadings");
        e.HasIndex(x => new { x.SensorId, x.ReceivedAt });
        e.HasIndex(x => x.ReceivedAt);
    }
}

internal sealed class SensorRefusalCountConfiguration : IEntityTypeConfiguration<SensorRefusalCount>
{
    public void Configure(EntityTypeBuilder<SensorRefusalCount> e)
    {
        e.ToTable("SensorRefusalCounts");
        e.Property(x => x.SensorKey).HasMaxLength(64);
        e.Property(x => x.Reason).HasMaxLength(32);
        e.Property(x => x.LastDetail).HasMaxLength(300);
        e.HasIndex(x => new { x.SensorKey, x.Reason, x.Minute }).IsUnique();
        e.HasIndex(x => x.Minute);
    }
}

internal sealed class SensorSilenceConfiguration : IEntityTypeConfiguration<SensorSilence>
{
    public void Configure(EntityTypeBuilder<SensorSilence> e)
    {
        e.ToTable("SensorSilences");
        e.HasIndex(x => new { x.SensorId, x.EndedAt });
        e.HasIndex(x => x.EventId);
    }
}

internal sealed class ScreeningEventSettingsConfiguration : IEntityTypeConfiguration<ScreeningEventSettings>
{
    public void Configure(EntityTypeBuilder<ScreeningEventSettings> e)
    {
        e.ToTable("ScreeningSettings");
        e.HasKey(x => x.EventId);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
    }
}

internal sealed class ScreeningHoldConfiguration : IEntityTypeConfiguration<ScreeningHold>
{
    public void Configure(EntityTypeBuilder<ScreeningHold> e)
    {
        e.ToTable("ScreeningHolds");
        e.Property(x => x.DecidedBy).HasMaxLength(256);
        e.Property(x => x.Note).HasMaxLength(500);
        e.HasIndex(x => new { x.GateId, x.Status });
        e.HasIndex(x => x.RaisedAt);
    }
}
