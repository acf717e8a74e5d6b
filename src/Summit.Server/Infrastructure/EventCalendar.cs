namespace Summit.Server.Infrastructure;

/// <summary>
/// The days of an event in its own time zone. Reports count per event day, and the database compares instants: a day is
/// turned into the UTC range it covers.
/// </summary>
public record EventCalendar(TimeZoneInfo TimeZone)
{
    public DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, TimeZone).DateTime);

    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    public (DateTimeOffset Start, DateTimeOffset End) RangeOf(DateOnly day) => (StartOf(day), StartOf(day.AddDays(1)));

    /// <summary>Every day from the first to the last, both included.</summary>
    public static IEnumerable<DateOnly> Days(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
