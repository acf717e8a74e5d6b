using Summit.Server.Access.Contracts;

namespace Summit.Server.Access.Monitoring;

public sealed record OccupancyView(DateTimeOffset AsOf, IReadOnlyList<ZoneOccupancy> Zones, IReadOnlyList<GateFlow> Gates);
