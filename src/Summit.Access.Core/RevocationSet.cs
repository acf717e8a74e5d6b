using System.Collections.Frozen;

namespace Summit.Access.Core;

/// <summary>An immutable revocation set; build a new one on every sync.</summary>
public sealed class RevocationSet(IEnumerable<Guid> revokedCredentials, IEnumerable<Guid> blockedHolders) : IRevocationSet
{
    private readonly FrozenSet<Guid> _revoked = revokedCredentials.ToFrozenSet();
    private readonly FrozenSet<Guid> _blocked = blockedHolders.ToFrozenSet();

    public static RevocationSet None { get; } = new([], []);

    public bool IsRevoked(Guid credentialId) => _revoked.Contains(credentialId);

    public bool IsBlocked(Guid holderId) => _blocked.Contains(holderId);
}
