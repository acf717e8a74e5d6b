using Summit.Server.Programme.Timetable;
using Summit.Server.Venues.Contracts;

namespace Summit.Server.Programme.Sessions;

/// <summary>
/// A session with its running order, its people in protocol order, its place (room, venue, times, booking), its conflicts now and the equipment
/// it needs.
/// </summary>
public sealed record SessionView(
    Guid Id,
    Guid ForumId,
    SessionKind Kind,
    string TitleEn,
    string TitleZh,
    string AbstractEn,
    string AbstractZh,
    string Language,
    IReadOnlyList<string> Channels,
    SessionFormat Format,
    string? JoinLink,
    bool JoinLinkPublic,
    int ExpectedAttendance,
    SeatingLayout Layout,
    Guid? RoomId,
    string? RoomCode,
    Guid? VenueId,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    Guid? BookingId,
    int SortOrder,
    IReadOnlyList<ItemView> Items,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<ProgrammeConflictView> Conflicts,
    IReadOnlyList<EquipmentView>? Equipment = null,
    bool RegistrationRequired = false);
