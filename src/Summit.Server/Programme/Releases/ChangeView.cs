namespace Summit.Server.Programme.Releases;

/// <summary>
/// One change of a release as a reader sees it: its kind, the session and its title, a sentence in the reader's language, where and when it
/// is now (nothing when cancelled) and was (nothing when new), and the names of who joined and who left it.
/// </summary>
public sealed record ChangeView(
    ChangeKind Kind,
    Guid SessionId,
    string Title,
    string Text,
    string? RoomCode,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? PreviousRoomCode,
    DateTimeOffset? PreviousStartsAt,
    IReadOnlyList<string> Joined,
    IReadOnlyList<string> Left);
