namespace Summit.Server.Programme.Releases;

/// <summary>
/// What a release holds, written once as JSON with it: the forums and every placed session as the public sees them. People are held by id
/// with their roles; their names are read when shown (a guest's from the guests module), so that no personal data is frozen in a release.
/// </summary>
public sealed record ReleaseSnapshot(IReadOnlyList<ReleasedForum> Forums, IReadOnlyList<ReleasedSession> Sessions)
{
    public static ReleaseSnapshot Empty { get; } = new([], []);
}
