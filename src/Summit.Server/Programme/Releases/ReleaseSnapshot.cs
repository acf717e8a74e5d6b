using System.Text.Json.Serialization;

namespace Summit.Server.Programme.Releases;

/// <summary>
/// What a release holds, written once as JSON with it: the forums and every placed session as the public sees them. People are held by id
/// with their roles; their names are read when shown (a guest's from the guests module), so that no personal data is frozen in a release.
/// </summary>
public sealed record ReleaseSnapshot(IReadOnlyList<ReleasedForum> Forums, IReadOnlyList<ReleasedSession> Sessions)
{
    public static ReleaseSnapshot Empty { get; } = new([], []);

    /// <summary>
    /// Whether the snapshot holds its sessions' join links: false for a version released before links were kept (its JSON has no
    /// <c>joinLink</c>), whose "no link" means "not known", so the changelog takes a link against it as unchanged. Not stored: read from the JSON.
    /// </summary>
    [JsonIgnore]
    public bool JoinLinksKept { get; init; } = true;
}
