using Summit.Server.Infrastructure.Options;

namespace Summit.Server.Demo.Live;

/// <summary>Summit:Demo:Live: whether `summit demo` plays the opening morning, and how fast.</summary>
public sealed class DemoLiveOptions : IValidatedOptions
{
    public const double MinSpeed = 1;
    public const double MaxSpeed = 600;

    /// <summary>How long a sensor may be quiet in the live demo before the silence watch reports it (Summit:Screening:SilenceAfter).</summary>
    public static readonly TimeSpan DemoSilenceAfter = TimeSpan.FromSeconds(45);

    /// <summary>How often the silence watch looks in the live demo (Summit:Screening:SilenceCheckInterval).</summary>
    public static readonly TimeSpan DemoSilenceCheck = TimeSpan.FromSeconds(5);

    /// <summary>On for `summit demo` (off with --no-live); off for `summit` and in tests, which drive a session themselves.</summary>
    public bool Enabled { get; set; }

    /// <summary>Script minutes per real minute: 30 plays the 90-minute morning in three minutes.</summary>
    public double Speed { get; set; } = 30;

    public int Seed { get; set; } = DemoSeeder.DefaultSeed;

    /// <summary>A working sensor with nobody at its gate still sends a reading this often, so the silence watch does not flag it.</summary>
    public TimeSpan SensorHeartbeat { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>While a lane is on hold, arrivals go to the next lane; someone tries the held one again after this.</summary>
    public TimeSpan HeldLaneRetry { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the player looks for beats that are due.</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromMilliseconds(250);

    public IEnumerable<string> Problems()
    {
        if (Speed is < MinSpeed or > MaxSpeed)
        {
            yield return $"Summit:Demo:Live:Speed must be from {MinSpeed} to {MaxSpeed}; it is {Speed}.";
        }

        if (SensorHeartbeat <= TimeSpan.Zero || HeldLaneRetry <= TimeSpan.Zero || Tick <= TimeSpan.Zero)
        {
            yield return "Summit:Demo:Live: SensorHeartbeat, HeldLaneRetry and Tick must be positive.";
        }
    }
}
