namespace Summit.Server.Venues.Series;

/// <summary>
/// When a series repeats: from <see cref="FirstDate"/> until <see cref="LastDate"/> (included) or for <see cref="Count"/> dates (exactly
/// one of the two), every day, every week on the first date's day, or on the chosen <see cref="Weekdays"/>; each date from
/// <see cref="StartTime"/> to <see cref="EndTime"/> local time (an end before the start is on the next day).
/// </summary>
public sealed record Recurrence(
    SeriesFrequency Frequency,
    DateOnly FirstDate,
    DateOnly? LastDate,
    int? Count,
    IReadOnlySet<DayOfWeek> Weekdays,
    TimeOnly StartTime,
    TimeOnly EndTime)
{
    /// <summary>Whether the pattern falls on <paramref name="date"/> (bounds aside).</summary>
    public bool Matches(DateOnly date) => Frequency switch
    {
        SeriesFrequency.Daily => true,
        SeriesFrequency.Weekly => date.DayOfWeek == FirstDate.DayOfWeek,
        _ => Weekdays.Contains(date.DayOfWeek),
    };

    /// <summary>The chosen days as stored: one bit per day, 1 &lt;&lt; <see cref="DayOfWeek"/>.</summary>
    public static int ToBits(IEnumerable<DayOfWeek> days) => days.Aggregate(0, (bits, day) => bits | (1 << (int)day));

    public static IReadOnlySet<DayOfWeek> FromBits(int bits) => Enum.GetValues<DayOfWeek>().Where(d => (bits & (1 << (int)d)) != 0).ToHashSet();
}
