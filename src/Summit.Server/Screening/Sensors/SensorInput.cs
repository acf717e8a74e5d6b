namespace Summit.Server.Screening.Sensors;

public sealed record SensorInput(string Code, string Name, Guid GateId);
