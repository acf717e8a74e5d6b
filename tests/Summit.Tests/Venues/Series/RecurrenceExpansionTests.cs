using Summit.Server.Venues;
using Summit.Server.Venues.Series;

namespace Summit.Tests.Venues.Series;

/// <summary>A recurrence turned into dates and instants on its own: daylight-saving changes, month ends, chosen days and the bounds.</summary>
public sealed class RecurrenceExpansionTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly HashSet<DayOfWeek> NoDays = [];

    private static Recurrence Daily(DateOnly first, DateOnly? last = null, int? count = null, TimeOnly? start = null, TimeOnly? end = null) =>
        new(SeriesFrequency.Daily, first, last, count, NoDays, start ?? new TimeOnly(9, 0), end ?? new TimeOnly(10, 30));

    [Fact]
    public void A_daily_series_keeps_its_local_time_across_the_spring_and_autumn_changes()
    {
        // Berlin: CET (+1) until 29 March 2026 02:00, CEST (+2) until 25 October 2026 03:00.
        var spring = RecurrenceExpansion.Expand(Daily(new DateOnly(2026, 3, 28), count: 3), Berlin);
        Assert.Equal([new DateTimeOffset(2026, 3, 28, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero)], spring.Select(o => o.StartsAt));
        Assert.All(spring, o => Assert.Equal(TimeSpan.FromMinutes(90), o.EndsAt - o.StartsAt));
        Assert.All(spring, o => Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(o.StartsAt, Berlin).DateTime)));

        var autumn = RecurrenceExpansion.Expand(Daily(new DateOnly(2026, 10, 24), count: 3), Berlin);
        Assert.Equal([new DateTimeOffset(2026, 10, 24, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 25, 8, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 10, 26, 8, 0, 0, TimeSpan.Zero)], autumn.Select(o => o.StartsAt));
        Assert.All(autumn, o => Assert.Equal(TimeSpan.Zero, o.StartsAt.Offset));
    }

    [Fact]
    public void A_time_skipped_by_the_clocks_is_read_after_the_jump_and_a_repeated_time_is_its_first()
    {
        // 02:30 does not exist in Berlin on 29 March 2026: read with the offset before the jump, it is 01:30 UTC, 03:30 CEST.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero),
            RecurrenceExpansion.ToInstant(new DateOnly(2026, 3, 29), new TimeOnly(2, 30), Berlin));
        // 02:30 happens twice on 25 October 2026: the first (CEST, +2) is 00:30 UTC.
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero),
            RecurrenceExpansion.ToInstant(new DateOnly(2026, 10, 25), new TimeOnly(2, 30), Berlin));
        // New York, 8 March 2026: 02:15 does not exist; 01:00 to 03:00 local is one real hour that day.
        var night = RecurrenceExpansion.At(new DateOnly(2026, 3, 8), new TimeOnly(1, 0), new TimeOnly(3, 0), NewYork);
        Assert.Equal(TimeSpan.FromHours(1), night.EndsAt - night.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 7, 15, 0, TimeSpan.Zero),
            RecurrenceExpansion.ToInstant(new DateOnly(2026, 3, 8), new TimeOnly(2, 15), NewYork));
    }

    [Fact]
    public void An_end_before_the_start_is_on_the_next_day()
    {
        var late = RecurrenceExpansion.At(new DateOnly(2026, 11, 8), new TimeOnly(22, 0), new TimeOnly(1, 0), Shanghai);
        Assert.Equal(new DateTimeOffset(2026, 11, 8, 14, 0, 0, TimeSpan.Zero), late.StartsAt);
        Assert.Equal(TimeSpan.FromHours(3), late.EndsAt - late.StartsAt);
    }

    [Fact]
    public void Month_and_year_ends_and_leap_days_come_in_order()
    {
        Assert.Equal([new DateOnly(2027, 2, 27), new DateOnly(2027, 2, 28), new DateOnly(2027, 3, 1)],
            RecurrenceExpansion.Dates(Daily(new DateOnly(2027, 2, 27), count: 3)));
        Assert.Equal([new DateOnly(2028, 2, 28), new DateOnly(2028, 2, 29), new DateOnly(2028, 3, 1)],
            RecurrenceExpansion.Dates(Daily(new DateOnly(2028, 2, 28), count: 3)));
        Assert.Equal([new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1)],
            RecurrenceExpansion.Dates(Daily(new DateOnly(2026, 12, 31), last: new DateOnly(2027, 1, 1))));

        // Weekly from the 31st: the same weekday, whatever the month's length.
        var weekly = new Recurrence(SeriesFrequency.Weekly, new DateOnly(2026, 1, 31), null, 3, NoDays, new TimeOnly(9, 0), new TimeOnly(10, 0));
        Assert.Equal([new DateOnly(2026, 1, 31), new DateOnly(2026, 2, 7), new DateOnly(2026, 2, 14)], RecurrenceExpansion.Dates(weekly));
    }

    [Fact]
    public void Chosen_days_count_from_the_first_date_and_stop_at_the_last()
    {
        // Tuesday 10 November 2026: Monday, Wednesday and Friday from then on.
        var days = new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday };
        var byCount = new Recurrence(SeriesFrequency.Weekdays, new DateOnly(2026, 11, 10), null, 5, days, new TimeOnly(9, 0), new TimeOnly(10, 0));
        Assert.Equal([new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 13), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 18), new DateOnly(2026, 11, 20)],
            RecurrenceExpansion.Dates(byCount));

        var byDate = byCount with { Count = null, LastDate = new DateOnly(2026, 11, 16) };
        Assert.Equal([new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 13), new DateOnly(2026, 11, 16)], RecurrenceExpansion.Dates(byDate));
        Assert.Empty(RecurrenceExpansion.Dates(byCount with { Weekdays = NoDays }));
        Assert.Empty(RecurrenceExpansion.Dates(byDate with { LastDate = new DateOnly(2026, 11, 10) }));
        Assert.Equal(0b0101010, Recurrence.ToBits(days));
        Assert.Equal(days, Recurrence.FromBits(Recurrence.ToBits(days)));
    }

    [Fact]
    public void A_series_is_bounded_and_the_expansion_stops_one_past_the_bound()
    {
        Assert.Equal(RecurrenceExpansion.MaxOccurrences, RecurrenceExpansion.Dates(Daily(new DateOnly(2026, 1, 1), count: 366)).Count);
        // Too many by date or by count: one past the bound is enough to tell, however far the last date lies.
        Assert.Equal(RecurrenceExpansion.MaxOccurrences + 1, RecurrenceExpansion.Dates(Daily(new DateOnly(2026, 1, 1), last: new DateOnly(2099, 1, 1))).Count);
        Assert.Equal(RecurrenceExpansion.MaxOccurrences + 1, RecurrenceExpansion.Dates(Daily(new DateOnly(2026, 1, 1), count: 100_000)).Count);
        Assert.Equal(RecurrenceExpansion.MaxOccurrences, RecurrenceExpansion.Dates(Daily(new DateOnly(2028, 1, 1), last: new DateOnly(2028, 12, 31))).Count);
        Assert.Single(RecurrenceExpansion.Dates(Daily(DateOnly.MaxValue, count: 2)));
    }
}
