using Summit.Access.Core;
using Summit.Access.Core.Sync;

namespace Summit.GateAgent;

/// <summary>One journaled scan. <paramref name="Sequence"/> orders scans as they were made.</summary>
/// <param name="FaceDistance">The face check's distance (never the frame), uploaded for the scan record and the thresholds page.</param>
public sealed record JournalEntry(
    long Sequence, Guid Nonce, string Code, GateDirection Direction, ReasonCode Reason, DateTimeOffset ScannedAt, Guid? CredentialId, int? Zone,
    double? FaceDistance = null, bool FaceLane = false, double? FaceLead = null)
{
    public JournalScan ToUpload() => new(Nonce, Code, Direction, Reason, ScannedAt, FaceDistance, FaceLane, FaceLead);
}
