namespace Summit.Server.Screening.Sensors;

/// <summary>Refusals of one reason from one sensor (or from unknown senders), with the last one's detail.</summary>
public sealed record RefusalView(string SensorKey, Guid? SensorId, string Reason, long Count, DateTimeOffset LastAt, string LastDetail);
