namespace Summit.Access.Core;

/// <summary>Event-local days: grants are by calendar day, presence and entry counts by access day (from the zone's daily reset).</summary>
public static class AccessDay
{
    public static DateOnly LocalDay(DateTimeOffset now, TimeZoneInfo timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, timeZone).DateTime);

    /// <summary>The last daily reset at or before <paramref name="now"/>, in UTC: movements before it no longer count.</summary>
    public static DateTimeOffset Start(DateTimeOffset now, TimeZoneInfo timeZone, TimeOnly dailyReset)
    {
        var local = TimeZoneInfo.ConvertTime(now, timeZone);
        var start = local.Date + dailyReset.ToTimeSpan();
        if (start > local.DateTime)
        {
            start = start.AddDays(-1);
        }
        return new DateTimeOffset(start, timeZone.GetUtcOffset(start)).ToUniversalTime();
    }
}
