namespace Summit.Server.Access.Domain;

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
