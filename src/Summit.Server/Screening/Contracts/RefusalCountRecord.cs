namespace Summit.Server.Screening.Contracts;

/// <param name="Minute">The minute (UTC) the counted messages were received in.</param>
public sealed record RefusalCountRecord(string SensorKey, string? SensorCode, string Reason, DateTimeOffset Minute, long Count, DateTimeOffset LastAt,
    string LastDetail);
