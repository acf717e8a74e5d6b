namespace Summit.Server.Access.Credentials;

public sealed record CredentialView(Guid Id, Guid GuestId, int Sequence, uint KeyId, string CategoryCode, DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil, DateTimeOffset IssuedAt, string IssuedBy, DateTimeOffset? RevokedAt, string? RevokedReason, string? RevokedBy,
    bool KeyRetired, IReadOnlyList<string> Zones)
{
    public bool IsActive => RevokedAt is null;
}
