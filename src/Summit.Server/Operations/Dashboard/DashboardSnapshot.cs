using Summit.Server.Incidents.Contracts;

namespace Summit.Server.Operations.Dashboard;

/// <summary>
/// Everything the operations dashboard shows, built once per refresh and shared by every open screen (they only render it).
/// Panels of other modules that could not be read this time are null.
/// </summary>
public sealed record DashboardSnapshot(
    long Version,
    DateTimeOffset AsOf,
    string TimeZoneId,
    ArrivalsPipeline Pipeline,
    IReadOnlyList<ZoneTile> Zones,
    IReadOnlyList<ThroughputMinute> Throughput,
    IReadOnlyList<GateRate> Gates,
    IReadOnlyList<RefusalCount> Refusals,
    ScreeningPanel? Screening,
    IReadOnlyList<OpenIncidentItem>? Incidents,
    long ScansCounted,
    LatencySummary ScanLatency)
{
    /// <summary>Minutes of the throughput chart.</summary>
    public const int ChartMinutes = 30;

    /// <summary>Minutes a gate's rate is averaged over.</summary>
    public const int RateMinutes = 5;
}
