namespace Summit.Server.Programme.Releases;

/// <summary>A released version with its changelog against the version before it, in the reader's language.</summary>
public sealed record ReleaseView(ReleaseSummary Release, IReadOnlyList<ChangeView> Changes);
