namespace Summit.Server.Programme.Public;

/// <summary>
/// A session of the released programme: what, in which language, where and when (and the event's day it falls on), who is on stage, and the join
/// link of an online or hybrid session when the organizer published it (null otherwise).
/// </summary>
public sealed record PublicSession(
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
    DateOnly Day,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    Guid RoomId,
    string RoomNameEn,
    string RoomNameZh,
    string VenueNameEn,
    string VenueNameZh,
    IReadOnlyList<PublicParticipant> People,
    string? JoinLink = null);
