namespace Summit.Server.Access.Devices;

/// <summary>The device behind a token, as the authentication handler sees it.</summary>
public sealed record DeviceIdentity(Guid Id, Guid EventId, Guid GateId, string Name);
