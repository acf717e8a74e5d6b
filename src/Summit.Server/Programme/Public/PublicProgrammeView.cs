namespace Summit.Server.Programme.Public;

/// <summary>
/// The latest released programme as the public reads it: the event's names, its version and release time, the event's days, forums, rooms and languages to
/// filter by, the zone its times are in, and the sessions that pass the filters, by start.
/// </summary>
public sealed record PublicProgrammeView(
    string EventNameEn,
    string EventNameZh,
    int Version,
    DateTimeOffset ReleasedAt,
    string TimeZoneId,
    IReadOnlyList<DateOnly> Days,
    IReadOnlyList<PublicForum> Forums,
    IReadOnlyList<PublicRoom> Rooms,
    IReadOnlyList<string> Languages,
    IReadOnlyList<PublicSession> Sessions);
