namespace Summit.Server.Venues.Bookings;

public sealed record BookingView(
    Guid Id,
    Guid RoomId,
    string RoomCode,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int SetupMinutes,
    int TeardownMinutes,
    DateTimeOffset BlockedFrom,
    DateTimeOffset BlockedUntil,
    string Title,
    BookingHolderKind HolderKind,
    Guid? HolderId,
    string HolderName,
    int ExpectedAttendance,
    RoomLayout Layout,
    BookingState State,
    IReadOnlyList<EquipmentLine> Equipment,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? Reason,
    Guid? SeriesId = null, BookingPriority Priority = BookingPriority.Normal)
{
    public static BookingView From(Booking b, string roomCode) => new(b.Id, b.RoomId, roomCode, b.StartsAt, b.EndsAt, b.SetupMinutes, b.TeardownMinutes,
        b.BlockedFrom, b.BlockedUntil, b.Title, b.HolderKind, b.HolderId, b.HolderName, b.ExpectedAttendance, b.Layout, b.State,
        [.. b.Equipment.Select(l => new EquipmentLine(l.EquipmentItemId, l.Quantity))], b.CreatedAt, b.CreatedBy, b.DecidedAt, b.DecidedBy, b.Reason, b.SeriesId,
        b.Priority);
}
