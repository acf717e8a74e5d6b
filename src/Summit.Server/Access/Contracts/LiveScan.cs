namespace Summit.Server.Access.Contracts;

/// <summary>A scan as the live feed tells it to other modules: what a tally counts, and when the server received it.</summary>
public sealed record LiveScan(ScanTallyItem Scan, DateTimeOffset ReceivedAt);
