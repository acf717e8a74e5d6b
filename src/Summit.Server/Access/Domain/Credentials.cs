using Summit.Access.Core;

namespace Summit.Server.Access.Domain;

public enum SigningKeyStatus
{
    /// <summary>Signs new credentials; exactly one key is active.</summary>
    Active = 0,

    /// <summary>No longer signs, but its credentials are still accepted.</summary>
    Valid = 1,

    /// <summary>Everything it signed is refused at the gates.</summary>
    Retired = 2,
}

/// <summary>An Ed25519 signing key. The private key is encrypted with the field protector and never leaves the server.</summary>
public sealed class SigningKey
{
    /// <summary>The key id written into credentials (uint32, stored as long for portability).</summary>
    public long KeyId { get; set; }
    public byte[] PublicKey { get; set; } = [];
    public byte[] EncryptedPrivateKey { get; set; } = [];
    public SigningKeyStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RotatedOutAt { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }

    public KeyStatus GateStatus => Status == SigningKeyStatus.Retired ? KeyStatus.Retired : KeyStatus.Valid;
}

/// <summary>
/// One issued credential. The code itself is not stored: Ed25519 signatures are deterministic, so the same fields signed
/// with the same key give the same code again whenever a badge is printed.
/// </summary>
public sealed class Credential
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid EventId { get; set; }
    public Guid GuestId { get; set; }
    public long KeyId { get; set; }
    public Guid CategoryId { get; set; }
    public int CategoryNumber { get; set; }

    /// <summary>Zone bitmask baked into the code (the person's additions known at issue).</summary>
    public long ExtraZones { get; set; }
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset ValidUntil { get; set; }

    /// <summary>1 for the first credential of a guest, 2 for the first reissue...</summary>
    public int Sequence { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public string IssuedBy { get; set; } = "";
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }
    public string? RevokedBy { get; set; }

    public bool IsActive => RevokedAt is null;
}

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
