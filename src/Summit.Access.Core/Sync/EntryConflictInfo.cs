namespace Summit.Access.Core.Sync;

/// <summary>A second entry without an exit that the server saw only once offline scans arrived.</summary>
public sealed record EntryConflictInfo(Guid ConflictId, Guid CredentialId, int Zone, Guid FirstScanId, Guid SecondScanId);
