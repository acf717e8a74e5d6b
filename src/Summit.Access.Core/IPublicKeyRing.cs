using System.Diagnostics.CodeAnalysis;
using NSec.Cryptography;

namespace Summit.Access.Core;

/// <summary>The public signing keys a gate knows, by key id.</summary>
public interface IPublicKeyRing
{
    bool TryGet(uint keyId, [NotNullWhen(true)] out PublicKey? key, out KeyStatus status);
}
