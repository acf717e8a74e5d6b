namespace Summit.Access.Core;

/// <summary>Entry rules of one zone.</summary>
/// <param name="ReentryMinutes">For <see cref="AntiPassbackMode.Timed"/>: minutes after an entry during which re-entry is denied.</param>
/// <param name="DailyReset">Event-local time of day at which presence and entry counts start afresh.</param>
/// <param name="MaxEntriesPerDay">Entries allowed per day (since the daily reset); 0 means no limit.</param>
/// <param name="MaxInside">People allowed inside at once, enforced at the gates (a hard capacity); 0 means the gates do not count.</param>
public sealed record ZoneRule(AntiPassbackMode AntiPassback, int ReentryMinutes, TimeOnly DailyReset, int MaxEntriesPerDay, int MaxInside = 0)
{
    public static ZoneRule Open { get; } = new(AntiPassbackMode.Off, 0, TimeOnly.MinValue, 0);

    public static ZoneRule Hard(TimeOnly dailyReset = default, int maxEntriesPerDay = 0) =>
        new(AntiPassbackMode.Hard, 0, dailyReset, maxEntriesPerDay);

    public static ZoneRule Soft(TimeOnly dailyReset = default, int maxEntriesPerDay = 0) =>
        new(AntiPassbackMode.Soft, 0, dailyReset, maxEntriesPerDay);

    public static ZoneRule Timed(int minutes, TimeOnly dailyReset = default, int maxEntriesPerDay = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minutes);
        return new(AntiPassbackMode.Timed, minutes, dailyReset, maxEntriesPerDay);
    }
}
