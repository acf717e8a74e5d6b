namespace Summit.Server.Venues;

/// <summary>
/// A booking that repeats (issue 12, stage 2): one room at the same local time of day on the dates of its recurrence. Each date it holds
/// is an ordinary confirmed <see cref="Booking"/> with <see cref="Booking.SeriesId"/> set, so the database's no-overlap guarantee holds
/// for it as for any booking (docs/adr/0027). Dates that conflicted when the series was made and were left out are its
/// <see cref="Skipped"/> dates, which may be added back later.
/// </summary>
public sealed class BookingSeries
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid RoomId { get; set; }
    public string Title { get; set; } = "";
    public BookingHolderKind HolderKind { get; set; }
    public Guid? HolderId { get; set; }
    public string HolderName { get; set; } = "";
    public int ExpectedAttendance { get; set; }
    public RoomLayout Layout { get; set; }

    /// <summary>The buffers given for the series; null: the room's, read when each date is booked.</summary>
    public int? SetupMinutes { get; set; }

    public int? TeardownMinutes { get; set; }

    /// <summary>The equipment each date takes, as JSON lines (<c>[{"equipmentItemId":…,"quantity":…}]</c>).</summary>
    public string Equipment { get; set; } = "[]";

    public SeriesFrequency Frequency { get; set; }

    /// <summary>The chosen days of the week as bits (1 &lt;&lt; <see cref="DayOfWeek"/>), for <see cref="SeriesFrequency.Weekdays"/>.</summary>
    public int Weekdays { get; set; }

    public DateOnly FirstDate { get; set; }
    public DateOnly? LastDate { get; set; }
    public int? Count { get; set; }

    /// <summary>The local time of day each date starts and ends, in <see cref="TimeZoneId"/> (the event's zone when the series was made).</summary>
    public TimeOnly StartTime { get; set; }

    public TimeOnly EndTime { get; set; }
    public string TimeZoneId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public List<BookingSeriesSkip> Skipped { get; set; } = [];
}
