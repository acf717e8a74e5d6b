namespace Summit.Server.Venues;

/// <summary>How a booking series repeats. Stored as its integer: the values are fixed.</summary>
public enum SeriesFrequency
{
    /// <summary>Every day from the first date.</summary>
    Daily = 0,

    /// <summary>Once a week, on the first date's day of the week.</summary>
    Weekly = 1,

    /// <summary>On the chosen days of the week.</summary>
    Weekdays = 2,
}
