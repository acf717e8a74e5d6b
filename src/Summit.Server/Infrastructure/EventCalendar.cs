using System.Globalization;
using System.Text.RegularExpressions;

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

/// <summary>Which days a report figure covers: the event's own dates, or the days outside them (set-up days, tests, a demo run later).</summary>
public enum ReportSpan
{
    Event = 0,
    Outside = 1,
}

/// <summary>
/// The moment a report is pinned to (its stamp): a whole minute, UTC. Every figure counts the records received before it, so the
/// same stamp gives the same figures however many records arrive later. Whole minutes, because refused sensor messages are
/// counted per minute (a hostile sender must not fill the database with one row per message).
/// </summary>
public static partial class ReportMoment
{
    /// <summary>The stamp of a report built at <paramref name="time"/>: the start of its minute.</summary>
    public static DateTimeOffset Of(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.UtcTicks - (utc.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }

    /// <summary>The stamp as links and files write it: 2021-09-26T06:11:00Z.</summary>
    public static string Format(DateTimeOffset stamp) => stamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads a stamp written as an ISO 8601 instant with its offset (2021-09-26T06:11:00Z, 2021-09-26T14:11+08:00), taken to its minute.</summary>
    public static bool TryParse(string? text, out DateTimeOffset stamp)
    {
        stamp = default;
        if (text is null || text.Length > 40 || !Instant().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        stamp = Of(parsed);
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Instant();
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
