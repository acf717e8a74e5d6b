namespace Summit.Access.Core;

public enum AntiPassbackMode
{
    Off = 0,

    /// <summary>Deny a second entry until an exit.</summary>
    Hard = 1,

    /// <summary>Admit a second entry without exit, with an alert.</summary>
    Soft = 2,

    /// <summary>Deny re-entry within <see cref="ZoneRule.ReentryMinutes"/> of the last entry.</summary>
    Timed = 3,
}

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

/// <summary>The rules of every zone, indexed by zone number; zones without a rule get <see cref="ZoneRule.Open"/>.</summary>
public sealed class ZoneRules
{
    private readonly ZoneRule[] _rules = new ZoneRule[ZoneSet.MaxZone + 1];

    public ZoneRules(IEnumerable<KeyValuePair<int, ZoneRule>> rules)
    {
        Array.Fill(_rules, ZoneRule.Open);
        foreach (var (zone, rule) in rules)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(zone);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(zone, ZoneSet.MaxZone);
            _rules[zone] = rule ?? throw new ArgumentException($"Zone {zone} has no rule.", nameof(rules));
        }
    }

    public static ZoneRules AllOpen { get; } = new([]);

    public ZoneRule For(int zone) => (uint)zone <= ZoneSet.MaxZone ? _rules[zone] : ZoneRule.Open;
}
