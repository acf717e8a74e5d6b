namespace Summit.Server.Venues.Contracts;

/// <summary>
/// A room asked for a session: the session's id (the booking's holder), its title, the room, the time (with an offset) and how many
/// people the room must seat in which layout. The booking takes no set-up or tear-down buffer of its own: the programme's changeover
/// rule decides the gap between sessions (docs/adr/0031). <see cref="Equipment"/> is the mobile equipment booked with the room, judged by
/// the venue's stock rule across rooms at the same time (null: none when reserving, the booking's own lines kept when moving).
/// </summary>
public sealed record SessionReservation(
    Guid SessionId,
    string Title,
    Guid RoomId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int ExpectedAttendance,
    SeatingLayout Layout,
    IReadOnlyList<ReservedEquipment>? Equipment = null);
