using Summit.Access.Core.Sync;

namespace Summit.GateAgent;

/// <summary>Who the server says this device is, and whether it refused the device's token.</summary>
public sealed record CachedDevice(DeviceInfo? Device, bool Revoked, DateTimeOffset? RevokedAt);
