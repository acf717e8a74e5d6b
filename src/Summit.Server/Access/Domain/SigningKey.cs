using Summit.Access.Core;

namespace Summit.Server.Access.Domain;

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
