using Summit.Server.Access.Domain;

namespace Summit.Server.Access.Keys;

public sealed record SigningKeyView(uint KeyId, string PublicKey, SigningKeyStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? RotatedOutAt,
    DateTimeOffset? RetiredAt, int ActiveCredentials)
{
    /// <summary>
    /// The first 64 bits of the public key's SHA-256 in groups of four hex digits: short enough to read aloud when checking
    /// that a gate holds the same key as the server.
    /// </summary>
    public string Fingerprint =>
        string.Join(' ', Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Convert.FromBase64String(PublicKey)), 0, 8).Chunk(4)
            .Select(group => new string(group)));
}
