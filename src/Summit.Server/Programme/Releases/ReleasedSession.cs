namespace Summit.Server.Programme.Releases;

/// <summary>
/// A placed session as released: its forum and kind, titles and abstracts in both languages, the language on stage and the interpretation
/// channels, the format, its room and venue (with their names then), its times, and its people; for an online or hybrid session its join link
/// and whether the organizer made it public (a private link is shown only in the agendas of those who chose the session or appear in it).
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
    IReadOnlyList<ReleasedParticipant> Participants,
    string? JoinLink = null,
    bool JoinLinkPublic = false)
{
    /// <summary>The join link as the public may read it: only when the organizer made it public.</summary>
    public string? PublicJoinLink => JoinLinkPublic ? JoinLink : null;
}
