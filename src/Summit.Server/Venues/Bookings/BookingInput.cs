namespace Summit.Server.Venues.Bookings;

/// <summary>
/// A booking as asked for: times in UTC (or with an offset), the holder (a person, delegation or session by id or name; the organizer
/// needs neither), the expected attendance and layout, and the equipment it takes. Buffers left out are the room's. A Protocol booking
/// booked confirmed with <c>Displace</c> cancels the Normal confirmed bookings of its room that stand in its way (and only those).
/// <c>Displacing</c>, if given, lists the bookings the caller agreed to displace (the ids of the refusal's <c>displaceable</c>): a booking
/// confirmed meanwhile in the way and not in the list makes the booking refused again, with the new list, rather than displaced unseen.
/// </summary>
public sealed record BookingInput(
    Guid RoomId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Title,
    BookingHolderKind HolderKind,
    int ExpectedAttendance,
    RoomLayout Layout,
    Guid? HolderId = null,
    string? HolderName = null,
    int? SetupMinutes = null,
    int? TeardownMinutes = null,
    IReadOnlyList<EquipmentLine>? Equipment = null,
    BookingPriority Priority = BookingPriority.Normal,
    bool Displace = false,
    IReadOnlyList<Guid>? Displacing = null);
