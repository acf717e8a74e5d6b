using Summit.Server.Screening.Sensors;

namespace Summit.Server.Screening.Ingestion;

/// <summary>A reading that passed every check.</summary>
public sealed record AcceptedReading(SensorEntry Sensor, double Celsius, DateTimeOffset MeasuredAt, long Sequence, DateTimeOffset ReceivedAt);
