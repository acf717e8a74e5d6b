namespace Summit.Access.Core.Sync;

public sealed record ScanUploadRequest(IReadOnlyList<JournalScan> Scans);
