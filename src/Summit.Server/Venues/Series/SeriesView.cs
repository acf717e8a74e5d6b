namespace Summit.Server.Venues.Series;

/// <summary>A series with its recurrence, every date it booked (each an ordinary booking, in any state now) and the dates it skipped.</summary>
public sealed record SeriesView(
    Guid Id,
    Guid RoomId,
    string RoomCode,
    string Title,
    SeriesFrequency Frequency,
    IReadOnlyList<DayOfWeek> Weekdays,
    DateOnly FirstDate,
    DateOnly? LastDate,
    int? Count,
    TimeOnly StartTime,
    TimeOnly EndTime,
    string TimeZoneId,
    IReadOnlyList<SeriesOccurrenceView> Occurrences,
    IReadOnlyList<SkippedDateView> Skipped,
    DateTimeOffset CreatedAt,
    string CreatedBy);
