namespace Summit.Access.Core;

/// <summary>Credential times are whole UTC minutes since 2020-01-01, stored as uint32 (good until year 10186).</summary>
public static class CredentialTime
{
    public static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Max = Epoch.AddMinutes(uint.MaxValue);

    public static DateTimeOffset FromMinutes(uint minutes) => Epoch.AddMinutes(minutes);

    /// <summary>The minute count of <paramref name="time"/>; false when it is not a whole minute or out of range.</summary>
    public static bool TryToMinutes(DateTimeOffset time, out uint minutes)
    {
        minutes = 0;
        var ticks = time.UtcTicks - Epoch.UtcTicks;
        if (ticks < 0 || ticks % TimeSpan.TicksPerMinute != 0 || ticks / TimeSpan.TicksPerMinute > uint.MaxValue)
        {
            return false;
        }
        minutes = (uint)(ticks / TimeSpan.TicksPerMinute);
        return true;
    }

    /// <summary>Drops seconds and below, for callers that build a validity window from arbitrary times.</summary>
    public static DateTimeOffset FloorToMinute(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.UtcTicks - (utc.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }
}
