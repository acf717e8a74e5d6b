using NSec.Cryptography;

namespace Summit.Access.Core;

public sealed record KeyRingEntry(uint KeyId, PublicKey Key, KeyStatus Status)
{
    /// <summary>An entry from a raw 32-byte Ed25519 public key (as the server ships it); null if the bytes are not one.</summary>
    public static KeyRingEntry? FromRaw(uint keyId, ReadOnlySpan<byte> rawPublicKey, KeyStatus status) =>
        PublicKey.TryImport(SignatureAlgorithm.Ed25519, rawPublicKey, KeyBlobFormat.RawPublicKey, out var key)
            ? new KeyRingEntry(keyId, key!, status)
            : null;
}
