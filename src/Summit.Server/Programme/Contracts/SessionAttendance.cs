namespace Summit.Server.Programme.Contracts;

/// <summary>
/// Who came to a released session: the distinct people admitted through its room's gates from its doors opening
/// (<paramref name="DoorsOpenAt"/>) to its end, their entries, and when the room filled (as many people as it seats in the session's
/// layout came in; null if it never did). <paramref name="Persons"/>, <paramref name="Entries"/> and <paramref name="ZoneCode"/> are
/// null for a room without gates, whose attendance nobody recorded.
/// </summary>
/// <param name="Seats">The room's capacity in the session's layout, as the room and the session are set now.</param>
/// <param name="Expected">The attendance the programme manager expected for the session.</param>
public sealed record SessionAttendance(
    Guid SessionId,
    string TitleEn,
    string TitleZh,
    string RoomCode,
    string RoomNameEn,
    string RoomNameZh,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    DateTimeOffset DoorsOpenAt,
    int Seats,
    int Expected,
    string? ZoneCode,
    int? Persons,
    int? Entries,
    DateTimeOffset? FullAt);
