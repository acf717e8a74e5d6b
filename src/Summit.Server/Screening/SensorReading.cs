namespace Summit.Server.Screening;

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
