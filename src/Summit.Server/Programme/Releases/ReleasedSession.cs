namespace Summit.Server.Programme.Releases;

/// <summary>
/// A placed session as released: its forum and kind, titles and abstracts in both languages, the language on stage and the interpretation
/// channels, the format, its room and venue (with their names then), its times, and its people.
/// </summary>
public sealed record ReleasedSession(
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
    Guid RoomId,
    string RoomCode,
    string RoomNameEn,
    string RoomNameZh,
    Guid VenueId,
    string VenueNameEn,
    string VenueNameZh,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    IReadOnlyList<ReleasedParticipant> Participants);
