namespace Summit.Access.Core;

/// <summary>One credential's movements through one zone.</summary>
/// <param name="DayStart">The access day that <see cref="EntriesInDay"/> counts.</param>
public readonly record struct ZoneMovements(bool Inside, DateTimeOffset? LastEntryAt, DateTimeOffset? LastExitAt, DateTimeOffset DayStart,
    int EntriesInDay)
{
    /// <summary>The state after an admitted movement. A movement older than the last one known (an offline scan arriving late)
    /// still counts towards the day's entries but does not change where the person is now.</summary>
    public ZoneMovements After(GateDirection direction, DateTimeOffset at, DateTimeOffset accessDayStart)
    {
        var state = this;
        if (direction == GateDirection.Entry)
        {
            state = accessDayStart > DayStart
                ? state with { DayStart = accessDayStart, EntriesInDay = 1 }
                : state with { EntriesInDay = EntriesInDay + (accessDayStart == DayStart ? 1 : 0) };
        }

        var latest = Max(LastEntryAt, LastExitAt);
        if (latest is { } last && at < last)
        {
            return direction == GateDirection.Entry && (LastEntryAt is null || at > LastEntryAt) ? state with { LastEntryAt = at } : state;
        }

        return direction == GateDirection.Entry
            ? state with { Inside = true, LastEntryAt = at }
            : state with { Inside = false, LastExitAt = at };
    }

    public int EntriesSince(DateTimeOffset since) => since > DayStart ? 0 : EntriesInDay;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
