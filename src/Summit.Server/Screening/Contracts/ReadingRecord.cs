namespace Summit.Server.Screening.Contracts;

public sealed record ReadingRecord(Guid Id, DateTimeOffset ReceivedAt, DateTimeOffset MeasuredAt, string SensorCode, string GateCode, double Celsius,
    bool Fever, long Sequence);
