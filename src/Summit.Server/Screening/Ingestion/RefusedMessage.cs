namespace Summit.Server.Screening.Ingestion;

/// <summary>A refused message: the sensor it names when that sensor is enrolled, else the shared "unknown" key.</summary>
public sealed record RefusedMessage(string SensorKey, Guid? SensorId, string Reason, string Detail, DateTimeOffset ReceivedAt);
