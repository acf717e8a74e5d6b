namespace Summit.Server.Venues.Series;

/// <summary>
/// Turns a <see cref="Recurrence"/> into its dates and their instants in a time zone. Pure (no clock, no database), so it is tested on its
/// own: daylight-saving changes, month ends, chosen days and the bound on the number of dates.
/// <para>
/// A local time that does not exist on a date (it falls in the hour skipped when clocks go forward) is read with the offset in force
/// before the change, so 02:30 becomes 03:30, the same real time after midnight; a local time that happens twice (clocks go back) is the
/// first of the two. RFC 5545 (3.3.5) reads both the same way, so a calendar client shows the dates Summit booked.
/// </para>
/// </summary>
public static class RecurrenceExpansion
{
    /// <summary>The most dates one series may have (a year of days).</summary>
    public const int MaxOccurrences = 366;

    /// <summary>
    /// The dates of the recurrence, in order; at most <see cref="MaxOccurrences"/> + 1, so that a caller sees a recurrence that has too
    /// many without the expansion running on for ever. Empty when no date falls within the bounds.
    /// </summary>
    public static IReadOnlyList<DateOnly> Dates(Recurrence recurrence)
    {
        var dates = new List<DateOnly>();
        if (recurrence.Frequency == SeriesFrequency.Weekdays && recurrence.Weekdays.Count == 0)
        {
            return dates;
        }

        var limit = Math.Min(recurrence.Count ?? int.MaxValue, MaxOccurrences + 1);
        for (var date = recurrence.FirstDate; dates.Count < limit && (recurrence.LastDate is not { } last || date <= last); date = date.AddDays(1))
        {
            if (recurrence.Matches(date))
            {
                dates.Add(date);
            }

            if (date == DateOnly.MaxValue)
            {
                break;
            }
        }

        return dates;
    }

    /// <summary>The recurrence's dates with their instants in <paramref name="zone"/>.</summary>
    public static IReadOnlyList<Occurrence> Expand(Recurrence recurrence, TimeZoneInfo zone) =>
        [.. Dates(recurrence).Select(date => At(date, recurrence.StartTime, recurrence.EndTime, zone))];

    /// <summary>One date's instants: its start, and its end on the same date (or the next, when the end time comes before the start time).</summary>
    public static Occurrence At(DateOnly date, TimeOnly start, TimeOnly end, TimeZoneInfo zone) =>
        new(date, ToInstant(date, start, zone), ToInstant(end > start ? date : date.AddDays(1), end, zone));

    /// <summary>The instant (UTC) a local date and time stand for in <paramref name="zone"/>, skipped and repeated times read as RFC 5545 reads them.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            // Clocks went forward over this time: the offset of the day before (no zone changes twice in a day).
            offset = zone.GetUtcOffset(local.AddDays(-1));
        }
        else if (zone.IsAmbiguousTime(local))
        {
            // Clocks went back: the larger offset is the first time the clock shows it.
            offset = zone.GetAmbiguousTimeOffsets(local).Max();
        }
        else
        {
            offset = zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
