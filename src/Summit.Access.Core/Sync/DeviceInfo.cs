namespace Summit.Access.Core.Sync;

public sealed record DeviceInfo(Guid DeviceId, string Name, GateInfo Gate, uint EventNumber, DateTimeOffset ServerTime);
