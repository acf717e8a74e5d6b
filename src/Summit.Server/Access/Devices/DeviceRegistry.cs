using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Devices;

/// <summary>
/// Token to device, cached for a few seconds so that a scan does not cost a database read to authenticate. A revocation on
/// this server takes effect at once; one made by another server process within <see cref="Lifetime"/>.
/// </summary>
public sealed class DeviceRegistry(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan SeenInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (DeviceIdentity Device, DateTimeOffset ReadAt)> _byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastSeenWritten = new();

    public async Task<DeviceIdentity?> FindAsync(string token, CancellationToken ct)
    {
        if (!token.StartsWith(DeviceService.TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = DeviceService.Hash(token);
        var now = clock.GetUtcNow();
        if (_byHash.TryGetValue(hash, out var cached) && now - cached.ReadAt < Lifetime)
        {
            return cached.Device;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        var device = await db.GateDevices.AsNoTracking().Where(d => d.TokenHash == hash && d.RevokedAt == null)
            .Select(d => new DeviceIdentity(d.Id, d.EventId, d.GateId, d.Name)).FirstOrDefaultAsync(ct);
        if (device is null)
        {
            _byHash.TryRemove(hash, out _);
            return null;
        }

        _byHash[hash] = (device, now);
        return device;
    }

    public void Forget(string tokenHash) => _byHash.TryRemove(tokenHash, out _);

    /// <summary>Records when and from where a device was last heard from, at most every 30 seconds per device.</summary>
    public async Task SeenAsync(DeviceIdentity device, string? address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_lastSeenWritten.TryGetValue(device.Id, out var written) && now - written < SeenInterval)
        {
            return;
        }

        _lastSeenWritten[device.Id] = now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        await db.GateDevices.Where(d => d.Id == device.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.LastSeenAt, now).SetProperty(d => d.LastSeenAddress, address), ct);
    }
}
