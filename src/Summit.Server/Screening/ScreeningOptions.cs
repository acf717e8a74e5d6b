using Summit.Server.Infrastructure.Options;

namespace Summit.Server.Screening;

/// <summary>Summit:Screening: the fever threshold and how long a sensor may be quiet.</summary>
public sealed class ScreeningOptions : IValidatedOptions
{
    /// <summary>A reading above this (degrees Celsius) puts the sensor's gate on hold.</summary>
    public double ThresholdCelsius { get; set; } = 37.3;

    /// <summary>A sensor quiet for this long raises an equipment incident, once per silence.</summary>
    public TimeSpan SilenceAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the silence watch looks.</summary>
    public TimeSpan SilenceCheckInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A reading measured longer ago than this is refused as too old (a replay or a sensor with a wrong clock).</summary>
    public TimeSpan MaxReadingAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A reading measured further in the future than this is refused (sensor clock wrong).</summary>
    public TimeSpan MaxClockAhead { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Physically possible skin readings; outside is a faulty sensor or a forged message.</summary>
    public double MinCelsius { get; set; } = 30;

    public double MaxCelsius { get; set; } = 45;

    /// <summary>
    /// How far above the last accepted sequence number a reading's may be, so that one reading cannot make every later one look replayed.
    /// The default is 30 days in milliseconds, for sensors whose sequence is the time; an event whose sensors count 1, 2, 3… can set it lower.
    /// </summary>
    public long MaxSequenceJump { get; set; } = 2_592_000_000;

    /// <summary>
    /// How far below the last accepted sequence number a reading may arrive and still count, if none with its number was stored (0:
    /// numbers must grow). Several server processes on one broker share the readings (Summit:Mqtt:SharedGroup), so one sensor's
    /// readings can commit out of order; a window of a few seconds' numbers lets the later-committed one count without opening replays:
    /// a stored number is refused, and an older reading is refused as too old anyway (docs/screening/mqtt.md).
    /// </summary>
    public long ReorderWindow { get; set; }

    public IEnumerable<string> Problems()
    {
        if (MinCelsius >= MaxCelsius || ThresholdCelsius < MinCelsius || ThresholdCelsius > MaxCelsius)
        {
            yield return $"Summit:Screening: MinCelsius ({MinCelsius}) must be below MaxCelsius ({MaxCelsius}), and ThresholdCelsius ({ThresholdCelsius}) between them.";
        }

        if (SilenceAfter <= TimeSpan.Zero || SilenceCheckInterval <= TimeSpan.Zero || MaxReadingAge <= TimeSpan.Zero)
        {
            yield return "Summit:Screening: SilenceAfter, SilenceCheckInterval and MaxReadingAge must be positive.";
        }

        if (MaxClockAhead < TimeSpan.Zero || MaxSequenceJump < 1)
        {
            yield return "Summit:Screening: MaxClockAhead must not be negative and MaxSequenceJump must be at least 1.";
        }

        if (ReorderWindow is < 0 or > 600_000)
        {
            yield return "Summit:Screening:ReorderWindow must be from 0 to 600000 (ten minutes of a sensor that counts milliseconds).";
        }
    }
}
