namespace Summit.Access.Core;

/// <summary>
/// Credential times are whole UTC minutes since 2020-01-01, stored as uint32. DateTimeOffset ends in year 9999,
/// before uint32 minutes do (year 10186), so <see cref="MaxMinutes"/> is the real limit.
/// </summary>
public static class CredentialTime
{
    public static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The last representable minute (9999-12-31 23:59 UTC).</summary>
    public static readonly uint MaxMinutes = (uint)((DateTimeOffset.MaxValue.UtcTicks - Epoch.UtcTicks) / TimeSpan.TicksPerMinute);

    public static readonly DateTimeOffset Max = Epoch.AddMinutes(MaxMinutes);

    /// <summary>The time of a minute count; false (never an exception) past <see cref="MaxMinutes"/>.</summary>
    public static bool TryFromMinutes(uint minutes, out DateTimeOffset time)
    {
        time = minutes <= MaxMinutes ? Epoch.AddTicks(minutes * TimeSpan.TicksPerMinute) : default;
        return minutes <= MaxMinutes;
    }

    /// <summary>The minute count of <paramref name="time"/>; false when it is not a whole minute or out of range.</summary>
    public static bool TryToMinutes(DateTimeOffset time, out uint minutes)
    {
        minutes = 0;
        var ticks = time.UtcTicks - Epoch.UtcTicks;
        if (ticks < 0 || ticks % TimeSpan.TicksPerMinute != 0 || ticks / TimeSpan.TicksPerMinute > MaxMinutes)
        {
            return false;
        }
        minutes = (uint)(ticks / TimeSpan.TicksPerMinute);
        return true;
    }

    /// <summary>Drops seconds and below, for callers that build a validity window from arbitrary times.</summary>
    public static DateTimeOffset FloorToMinute(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
