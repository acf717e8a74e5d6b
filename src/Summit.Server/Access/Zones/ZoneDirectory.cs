using Summit.Server.Access.Contracts;
using Summit.Server.Access.Gates;

namespace Summit.Server.Access.Zones;

/// <summary>The zones and gates as the other modules read them, from the services that keep them.</summary>
public sealed class ZoneDirectory(ZoneService zones, GateService gates) : IZoneDirectory
{
    public Task<List<ZoneView>> ListZonesAsync(CancellationToken ct = default) => zones.ListZonesAsync(ct);

    public Task<List<GateView>> ListGatesAsync(CancellationToken ct = default) => gates.ListGatesAsync(ct);
}
