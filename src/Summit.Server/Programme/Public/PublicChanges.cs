using Summit.Server.Programme.Releases;

namespace Summit.Server.Programme.Public;

/// <summary>What the latest release changed, as the public reads it.</summary>
public sealed record PublicChanges(int Version, DateTimeOffset ReleasedAt, string Comment, IReadOnlyList<ChangeView> Changes);
