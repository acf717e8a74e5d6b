namespace Summit.Server.Operations.Dashboard;

/// <summary>How long scans took from reaching the server to showing in a published dashboard, over the recent ones.</summary>
public sealed record LatencySummary(int Samples, double P50Milliseconds, double P95Milliseconds, double MaxMilliseconds);
