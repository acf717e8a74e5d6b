using Summit.Access.Core;

namespace Summit.Server.Access.Domain;

/// <summary>An enrolled gate device: a turnstile PC running the gate agent, a handheld, a staffed console.</summary>
public sealed class GateDevice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public string Name { get; set; } = "";
    public Guid GateId { get; set; }

    /// <summary>SHA-256 of the token (hex); the token itself is shown once at enrolment and never stored.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The first characters of the token, so staff can tell which token a device holds.</summary>
    public string TokenPrefix { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }
    public string? LastSeenAddress { get; set; }

    public bool IsActive => RevokedAt is null;
}

public enum ScanSource
{
    /// <summary>Decided by the server when the device asked.</summary>
    Online = 0,

    /// <summary>Decided by a gate agent and uploaded from its journal.</summary>
    Agent = 1,

    /// <summary>Decided by the server for a staffed console in the browser.</summary>
    Console = 2,
}

/// <summary>One read of a code at a gate, admitted or not, with the reason. Never changed once stored, except the conflict flag.</summary>
public sealed class Scan
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }

    /// <summary>Who scanned: "device:{id}" or "user:{id}"; with the nonce it makes a scan unique.</summary>
    public string Scanner { get; set; } = "";
    public Guid Nonce { get; set; }
    public Guid? DeviceId { get; set; }
    public Guid GateId { get; set; }
    public int Zone { get; set; }
    public GateDirection Direction { get; set; }
    public ScanSource Source { get; set; }

    /// <summary>Set only when the code's signature was genuine.</summary>
    public Guid? CredentialId { get; set; }
    public Guid? GuestId { get; set; }

    /// <summary>
    /// The category of the scan's credential, copied here when an erasure or the retention purge unlinks the credential, so that
    /// the closing report still counts the entry in its category; null while <see cref="CredentialId"/> says it.
    /// </summary>
    public Guid? CategoryId { get; set; }
    /// <summary>
    /// Why Summit holds the scan admitted or refused. For a scan a gate agent uploaded, the agent's verdict, unless the agent
    /// admitted and the server's own check of the upload refuses: then the server's reason (see <see cref="DeviceReason"/>).
    /// </summary>
    public ReasonCode Reason { get; set; }
    public bool Admitted { get; set; }

    /// <summary>What a gate agent said it decided, for an uploaded scan; null for scans the server decided. Differs from
    /// <see cref="Reason"/> when the server disputes the agent's admission.</summary>
    public ReasonCode? DeviceReason { get; set; }
    public DateTimeOffset ScannedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Received long after it was made (an offline gate catching up).</summary>
    public bool Late { get; set; }

    /// <summary>Part of an entry conflict: two admitted entries without an exit between them.</summary>
    public bool Conflict { get; set; }
}

/// <summary>Where a credential stands in one zone, kept in step with the admitted scans; the row anti-passback locks.</summary>
public sealed class ZonePresence
{
    public Guid CredentialId { get; set; }
    public int Zone { get; set; }
    public Guid EventId { get; set; }
    public Guid GuestId { get; set; }
    public bool Inside { get; set; }
    public DateTimeOffset? LastEntryAt { get; set; }
    public DateTimeOffset? LastExitAt { get; set; }
    public DateTimeOffset DayStart { get; set; }
    public int EntriesInDay { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Two admitted entries of one credential into one zone without an exit between them, seen once offline gates synced.</summary>
public sealed class EntryConflict
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid CredentialId { get; set; }
    public Guid GuestId { get; set; }
    public int Zone { get; set; }
    public Guid FirstScanId { get; set; }
    public Guid SecondScanId { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? Resolution { get; set; }
}
