namespace Summit.Access.Core.Sync;

/// <param name="Recorded">Scans stored now.</param>
/// <param name="Duplicates">Scans whose nonce was already stored (an upload repeated after a lost answer).</param>
/// <param name="Late">Of those recorded, scans received long after they were made.</param>
/// <param name="Rejected">Entries that can never be recorded; everything else in the upload was.</param>
public sealed record ScanUploadResponse(int Recorded, int Duplicates, int Late, IReadOnlyList<EntryConflictInfo> Conflicts,
    IReadOnlyList<RejectedScan> Rejected);
