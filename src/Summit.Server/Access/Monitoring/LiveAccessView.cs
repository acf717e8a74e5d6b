using Summit.Server.Access.Contracts;

namespace Summit.Server.Access.Monitoring;

/// <summary>What the live access page shows: occupancy and gate flow, the latest scans, the open conflicts, and the event's clock.</summary>
public sealed record LiveAccessView(string TimeZoneId, OccupancyView Occupancy, IReadOnlyList<ScanListItem> Scans, IReadOnlyList<ConflictView> Conflicts);
