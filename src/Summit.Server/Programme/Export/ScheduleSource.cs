using Summit.Server.Programme.Releases;

namespace Summit.Server.Programme.Export;

/// <summary>
/// What a schedule export is written from: the event (titles, days, zone), the released version's number, the address the programme is
/// published at, the language the titles are written in, and the release's forums, sessions and the public names of the people on stage.
/// </summary>
public sealed record ScheduleSource(
    string Title,
    string Acronym,
    DateOnly StartDate,
    DateOnly EndDate,
    TimeZoneInfo Zone,
    int Version,
    string BaseUrl,
    string Language,
    IReadOnlyList<ReleasedForum> Forums,
    IReadOnlyList<ReleasedSession> Sessions,
    IReadOnlyDictionary<Guid, string> Names,
    string JoinLinkTitle = "Join online");
