using Summit.Server.Venues.Contracts;

namespace Summit.Server.Programme.Sessions;

/// <summary>
/// A session's content as staff write it: its forum and kind, titles (both required) and abstracts in both languages, the language on
/// stage and the interpretation channels, the format and (online or hybrid) the join link with whether it is published, how many are expected and
/// in which layout. Where and when it takes place is set apart, by a placement. A session may require guests to register for it (seats, then a
/// waiting list).
/// </summary>
public sealed record SessionInput(
    Guid ForumId,
    SessionKind Kind,
    string TitleEn,
    string TitleZh,
    string Language,
    int ExpectedAttendance,
    SeatingLayout Layout = SeatingLayout.Theatre,
    IReadOnlyList<string>? Channels = null,
    SessionFormat Format = SessionFormat.InPerson,
    string? AbstractEn = null,
    string? AbstractZh = null,
    string? JoinLink = null,
    int SortOrder = 0,
    bool RegistrationRequired = false,
    bool JoinLinkPublic = false);
