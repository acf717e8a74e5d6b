using Summit.Server.Infrastructure;

namespace Summit.Server.Privacy;

/// <summary>When an event's personal data is due for deletion: pure rules, no I/O.</summary>
public static class RetentionRules
{
    /// <summary>At least a day: the closing report and any complaint need the records for a while after the event.</summary>
    public const int MinDays = 1;

    /// <summary>At most ten years: a bound against a typo that would keep everything for ever, with room for a long legal duty.</summary>
    public const int MaxDays = 3650;

    /// <summary>The last day the data is kept: <paramref name="days"/> days after the event's last day.</summary>
    public static DateOnly LastDayKept(DateOnly eventEndDate, int days) => eventEndDate.AddDays(days);

    /// <summary>
    /// The moment the retention period ends: the start of the day after the last day kept, in the event's time zone (calendar
    /// days, so that a change of daylight saving time moves nothing).
    /// </summary>
    public static DateTimeOffset DueAt(DateOnly eventEndDate, string timeZoneId, int days) =>
        new EventCalendar(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).StartOf(LastDayKept(eventEndDate, days).AddDays(1));

    /// <summary>The number of days after the event's end that keeps data until <paramref name="until"/> (rounded up to a whole day).</summary>
    public static int DaysToKeepUntil(DateOnly eventEndDate, string timeZoneId, DateTimeOffset until)
    {
        var lastDay = new EventCalendar(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).DayOf(until);
        return Math.Clamp(lastDay.DayNumber - eventEndDate.DayNumber, MinDays, MaxDays);
    }
}
