namespace Summit.Server.Screening;

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
