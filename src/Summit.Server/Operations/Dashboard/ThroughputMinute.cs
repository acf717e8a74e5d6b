namespace Summit.Server.Operations.Dashboard;

/// <summary>Scans of one minute, all gates together (or of one gate).</summary>
public sealed record ThroughputMinute(DateTimeOffset Minute, int Entries, int Exits, int Refusals);
