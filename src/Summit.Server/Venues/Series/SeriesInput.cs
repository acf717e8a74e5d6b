using Summit.Server.Venues.Bookings;

namespace Summit.Server.Venues.Series;

/// <summary>
/// A repeating booking as asked for: the booking's fields as for one booking, the local time of day (event time) it starts and ends, and
/// its recurrence: <see cref="Frequency"/> from <see cref="FirstDate"/> until <see cref="LastDate"/> or for <see cref="Count"/> dates
/// (exactly one), on <see cref="Weekdays"/> when the frequency is <see cref="SeriesFrequency.Weekdays"/>. With
/// <see cref="SkipConflicts"/>, dates that conflict are left out (and listed as skipped) instead of refusing the whole series.
/// </summary>
public sealed record SeriesInput(
    Guid RoomId,
    string Title,
    BookingHolderKind HolderKind,
    int ExpectedAttendance,
    RoomLayout Layout,
    SeriesFrequency Frequency,
    DateOnly FirstDate,
    TimeOnly StartTime,
    TimeOnly EndTime,
    DateOnly? LastDate = null,
    int? Count = null,
    IReadOnlyList<DayOfWeek>? Weekdays = null,
    bool SkipConflicts = false,
    Guid? HolderId = null,
    string? HolderName = null,
    int? SetupMinutes = null,
    int? TeardownMinutes = null,
    IReadOnlyList<EquipmentLine>? Equipment = null);
