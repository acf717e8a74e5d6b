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
