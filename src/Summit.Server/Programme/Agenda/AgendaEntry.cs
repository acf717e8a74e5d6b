namespace Summit.Server.Programme.Agenda;

/// <summary>
/// A session of a guest's agenda: as the latest release has it (or, cancelled, as the release it was chosen from had it), whether the guest
/// chose it, the roles the guest has in it (a speaker's sessions are in their agenda without being chosen), and for a moved session when and
/// where it was when chosen; for an online or hybrid session its join link (the guest chose it or appears in it, so a private link is theirs to see).
/// </summary>
public sealed record AgendaEntry(
    Guid SessionId,
    string TitleEn,
    string TitleZh,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    Guid RoomId,
    string RoomNameEn,
    string RoomNameZh,
    Guid VenueId,
    string VenueNameEn,
    string VenueNameZh,
    bool Chosen,
    IReadOnlyList<ParticipantRole> Roles,
    AgendaEntryState State,
    DateTimeOffset? ChosenStartsAt = null,
    bool RoomChanged = false,
    SessionFormat Format = SessionFormat.InPerson,
    string? JoinLink = null);
