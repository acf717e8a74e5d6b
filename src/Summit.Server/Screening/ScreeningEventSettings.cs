namespace Summit.Server.Screening;

/// <summary>The screening settings an admin set for one event; none stored means the configuration's defaults apply.</summary>
public sealed class ScreeningEventSettings
{
    public Guid EventId { get; set; }
    public double ThresholdCelsius { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
