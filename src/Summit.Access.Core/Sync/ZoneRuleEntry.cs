namespace Summit.Access.Core.Sync;

/// <param name="MaxInside">A hard capacity: people allowed inside at once; 0 when the gates do not count (absent from older servers).</param>
public sealed record ZoneRuleEntry(int Zone, AntiPassbackMode AntiPassback, int ReentryMinutes, TimeOnly DailyReset, int MaxEntriesPerDay,
    int MaxInside = 0);
