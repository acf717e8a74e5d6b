using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using NSec.Cryptography;

namespace Summit.Access.Core;

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
