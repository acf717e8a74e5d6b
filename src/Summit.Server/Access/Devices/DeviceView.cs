namespace Summit.Server.Access.Devices;

public sealed record DeviceView(Guid Id, string Name, Guid GateId, string GateCode, string TokenPrefix, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? RevokedAt, string? RevokedBy, DateTimeOffset? LastSeenAt, string? LastSeenAddress)
{
    public bool IsActive => RevokedAt is null;
}
