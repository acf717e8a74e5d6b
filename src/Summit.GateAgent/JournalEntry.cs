using Summit.Access.Core;
using Summit.Access.Core.Sync;

namespace Summit.GateAgent;

/// <summary>One journaled scan. <paramref name="Sequence"/> orders scans as they were made.</summary>
public sealed record JournalEntry(
    long Sequence, Guid Nonce, string Code, GateDirection Direction, ReasonCode Reason, DateTimeOffset ScannedAt, Guid? CredentialId, int? Zone)
{
    public JournalScan ToUpload() => new(Nonce, Code, Direction, Reason, ScannedAt);
}
