using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using NSec.Cryptography;

namespace Summit.Access.Core;

public enum KeyStatus
{
    /// <summary>Credentials signed with the key are accepted.</summary>
    Valid = 0,

    /// <summary>The key was retired: everything it signed is refused.</summary>
    Retired = 1,
}

/// <summary>The public signing keys a gate knows, by key id.</summary>
public interface IPublicKeyRing
{
    bool TryGet(uint keyId, [NotNullWhen(true)] out PublicKey? key, out KeyStatus status);
}

public sealed record KeyRingEntry(uint KeyId, PublicKey Key, KeyStatus Status)
{
    /// <summary>An entry from a raw 32-byte Ed25519 public key (as the server ships it); null if the bytes are not one.</summary>
    public static KeyRingEntry? FromRaw(uint keyId, ReadOnlySpan<byte> rawPublicKey, KeyStatus status) =>
        PublicKey.TryImport(SignatureAlgorithm.Ed25519, rawPublicKey, KeyBlobFormat.RawPublicKey, out var key)
            ? new KeyRingEntry(keyId, key!, status)
            : null;
}

/// <summary>An immutable key ring; build a new one on every key sync.</summary>
public sealed class PublicKeyRing : IPublicKeyRing
{
    private readonly FrozenDictionary<uint, KeyRingEntry> _entries;

    public PublicKeyRing(IEnumerable<KeyRingEntry> entries)
    {
        var list = entries.ToArray();
        foreach (var entry in list)
        {
            if (entry.Key.Algorithm != SignatureAlgorithm.Ed25519)
            {
                throw new ArgumentException($"Key {entry.KeyId} is not an Ed25519 key.", nameof(entries));
            }
        }
        _entries = list.ToFrozenDictionary(e => e.KeyId);
    }

    public static PublicKeyRing Empty { get; } = new([]);

    public bool TryGet(uint keyId, [NotNullWhen(true)] out PublicKey? key, out KeyStatus status)
    {
        if (_entries.TryGetValue(keyId, out var entry))
        {
            key = entry.Key;
            status = entry.Status;
            return true;
        }
        key = null;
        status = default;
        return false;
    }
}
