using Summit.Server.Screening.Sensors;

namespace Summit.Server.Screening.Ingestion;

/// <summary>
/// A reading that passed every check. A <paramref name="Late"/> one came below the sensor's last accepted number, inside the reorder
/// window: it counts only if no reading with its number is stored (the writer checks in the batch's transaction).
/// </summary>
public sealed record AcceptedReading(SensorEntry Sensor, double Celsius, DateTimeOffset MeasuredAt, long Sequence, DateTimeOffset ReceivedAt,
    bool Late = false);
