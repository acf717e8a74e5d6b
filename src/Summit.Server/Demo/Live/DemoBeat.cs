namespace Summit.Server.Demo.Live;

/// <summary>One thing that happens in the morning, <see cref="At"/> after it starts (script time, before acceleration).</summary>
public sealed record DemoBeat(TimeSpan At, DemoBeatKind Kind, string Gate, string? Code = null, double Celsius = 0, string? Sensor = null)
{
    public bool IsFever(double threshold) => Kind == DemoBeatKind.Reading && Celsius > threshold;
}
