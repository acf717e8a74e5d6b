using System.Security.Claims;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Devices;
using Summit.Server.Access.Policy;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Scanning;

/// <summary>The calling device's gate in the current policy.</summary>
/// <remarks>
/// The database services come from the request's scope only when the snapshot must be read: an online scan usually needs none,
/// and building a DbContext it would not use cost every scan request a few percent of the server's CPU.
/// </remarks>
public sealed class DeviceContext(IServiceProvider requestServices, AccessSnapshotCache cache, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<(AccessSnapshot Snapshot, GateInfo Gate)> ResolveAsync(ClaimsPrincipal device, CancellationToken ct)
    {
        var snapshot = await cache.GetAsync(requestServices.GetRequiredService<SummitDbContext>(), requestServices.GetRequiredService<IGuestDirectory>(),
            requestServices.GetRequiredService<AccessSettingsService>(), ct);
        // A device of another event, or whose gate was deleted, can do nothing.
        return snapshot.Gates.TryGetValue(GateId(device), out var gate)
            ? (snapshot, gate)
            : throw new SummitException(SummitError.Conflict(AccessErrors.DeviceGateUnknown));
    }

    /// <summary>
    /// The device's gate for an online scan, from the snapshot last read when it holds the gate: no query per scan. The scan
    /// processor checks the gate again with the policy version current in its transaction, which decides.
    /// </summary>
    public async Task<GateInfo> GateForScanAsync(ClaimsPrincipal device, CancellationToken ct) =>
        cache.Latest is { } latest && latest.Gates.TryGetValue(GateId(device), out var gate) ? gate : (await ResolveAsync(device, ct)).Gate;

    private static Guid GateId(ClaimsPrincipal device) => Guid.Parse(device.FindFirstValue(DeviceAuthenticationHandler.GateClaim)!);
}
