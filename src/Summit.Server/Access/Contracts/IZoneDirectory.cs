namespace Summit.Server.Access.Contracts;

/// <summary>The zones and gates as the other modules see them (an incident's place, a sensor's gate); only Access changes them.</summary>
public interface IZoneDirectory
{
    Task<List<ZoneView>> ListZonesAsync(CancellationToken ct = default);

    Task<List<GateView>> ListGatesAsync(CancellationToken ct = default);
}
