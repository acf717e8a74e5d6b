using Summit.Server.Screening.Contracts;

namespace Summit.Server.Screening;

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
