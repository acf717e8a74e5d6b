namespace Summit.Server.Access.Domain;

/// <summary>The access settings of an event: its number in credentials and the validity window of its credentials.</summary>
public sealed class AccessSettings
{
    public Guid EventId { get; set; }

    /// <summary>uint32 written into credentials; random, so codes of another event or installation never match.</summary>
    public long EventNumber { get; set; }
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset ValidUntil { get; set; }

    /// <summary>Scans received more than this after they were made are marked late.</summary>
    public int LateAfterSeconds { get; set; } = 120;

    /// <summary>Approving an in-person guest issues their credential at once; the approval mail then carries the QR.</summary>
    public bool IssueOnApproval { get; set; } = true;

    /// <summary>Raised on every change a gate must learn about (keys, revocations, grants, rules, gates, blocks).</summary>
    public long PolicyVersion { get; set; } = 1;
}
