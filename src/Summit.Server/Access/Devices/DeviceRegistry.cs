using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Cluster;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Devices;

/// <summary>
/// Token to device, cached for a few seconds so that a scan does not cost a database read to authenticate. A revocation takes
/// effect at once on every server process: it is signalled to all of them (<see cref="ClusterSignals"/>); <see cref="Lifetime"/>
/// bounds a copy whose signal was lost.
/// </summary>
public sealed class DeviceRegistry
{
    public const string RevokedTopic = "access.device-revoked";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan SeenInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (DeviceIdentity Device, DateTimeOffset ReadAt)> _byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastSeenWritten = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ClusterSignals _signals;

    public DeviceRegistry(IServiceScopeFactory scopes, TimeProvider clock, ClusterSignals signals)
    {
        _scopes = scopes;
        _clock = clock;
        _signals = signals;
        _signals.Subscribe(RevokedTopic, payload =>
        {
            if (Guid.TryParse(payload, out var id))
            {
                Forget(id);
            }
        });
        _signals.Subscribe(ClusterSignals.ReconnectedTopic, _ => _byHash.Clear());
    }

    public async Task<DeviceIdentity?> FindAsync(string token, CancellationToken ct)
    {
        if (!token.StartsWith(DeviceService.TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = DeviceService.Hash(token);
        var now = _clock.GetUtcNow();
        if (_byHash.TryGetValue(hash, out var cached) && now - cached.ReadAt < Lifetime)
        {
            return cached.Device;
        }

        await using var scope = _scopes.CreateAsyncScope();
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

    /// <summary>Tells every server process that the device is revoked (after the revocation is committed).</summary>
    public Task RevokedAsync(Guid deviceId, CancellationToken ct = default) => _signals.PublishAsync(RevokedTopic, deviceId.ToString(), ct);

    private void Forget(Guid deviceId)
    {
        foreach (var (hash, cached) in _byHash)
        {
            if (cached.Device.Id == deviceId)
            {
                _byHash.TryRemove(hash, out _);
            }
        }
    }

    /// <summary>Records when and from where a device was last heard from, at most every 30 seconds per device.</summary>
    public async Task SeenAsync(DeviceIdentity device, string? address, CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        if (_lastSeenWritten.TryGetValue(device.Id, out var written) && now - written < SeenInterval)
        {
            return;
        }

        _lastSeenWritten[device.Id] = now;
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        await db.GateDevices.Where(d => d.Id == device.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.LastSeenAt, now).SetProperty(d => d.LastSeenAddress, address), ct);
    }
}
