using Summit.Access.Core;

namespace Summit.Server.Access.Contracts;

/// <summary>
/// The gates as a live screen watches them (the operations dashboard): cheap grouped reads, safe to ask several times a second
/// from a background reader. With <see cref="IScanFeed"/>, a screen counts the scans without ever reading the scans table.
/// </summary>
public interface IAccessMonitor
{
    /// <summary>People inside each zone now (since the zone's daily reset), with its capacity and plan rectangle.</summary>
    Task<List<ZoneOccupancy>> ZonesNowAsync(CancellationToken ct = default);

    /// <summary>The event's gates (id, code, names, open or closed), in number order, without their flow.</summary>
    Task<List<GateFlow>> GatesAsync(CancellationToken ct = default);

    /// <summary>The scans made since a time: what a live tally starts from before it follows the feed.</summary>
    Task<List<ScanTallyItem>> ScansSinceAsync(DateTimeOffset from, CancellationToken ct = default);

    /// <summary>Refusals since a time, counted per reason.</summary>
    Task<Dictionary<ReasonCode, int>> RefusalsSinceAsync(DateTimeOffset from, CancellationToken ct = default);
}
