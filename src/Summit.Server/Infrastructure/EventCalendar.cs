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
}

/// <summary>Figures the reports share.</summary>
public static class ReportStatistics
{
    /// <summary>The middle value (the mean of the two middle ones for an even count); null for none.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
