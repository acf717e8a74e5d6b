namespace Summit.Access.Core;

/// <summary>Revoked credentials and blocked persons, as last synced.</summary>
public interface IRevocationSet
{
    bool IsRevoked(Guid credentialId);

    bool IsBlocked(Guid holderId);
}
