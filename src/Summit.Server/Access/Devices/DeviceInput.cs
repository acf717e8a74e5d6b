namespace Summit.Server.Access.Devices;

public sealed record DeviceInput(string Name, Guid GateId);
