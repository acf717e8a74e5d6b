namespace Summit.Server.Screening;

/// <summary>
/// How many messages were refused for one reason from one sensor in one minute, with the last one's time and detail. Messages
/// naming no enrolled sensor share the key "unknown" (their claimed id is in the detail), so hostile traffic grows the table by at
/// most one row per reason and minute; the minute lets a report count the refusals received before its moment, however many come
/// after.
/// </summary>
public sealed class SensorRefusalCount
{
    public const string UnknownKey = "unknown";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string SensorKey { get; set; } = "";
    public Guid? SensorId { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>The start of the minute (UTC) the refusals were received in.</summary>
    public DateTimeOffset Minute { get; set; }
    public long Count { get; set; }
    public DateTimeOffset LastAt { get; set; }
    public string LastDetail { get; set; } = "";
}
