using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Cluster;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Security;

namespace Summit.Server.Screening.Sensors;

/// <summary>
/// Sensor code to sensor, with the secrets decrypted once, so that verifying a reading costs no database read. Refreshed on every
/// server process when a sensor is enrolled or revoked (a <see cref="ClusterSignals"/> signal), and every <see cref="Lifetime"/>
/// in case a signal was lost.
/// </summary>
public sealed class SensorDirectory
{
    public const string ChangedTopic = "screening.sensors";
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly IServiceScopeFactory _scopes;
    private readonly FieldProtector _protector;
    private readonly TimeProvider _clock;
    private readonly ClusterSignals _signals;
    private volatile Snapshot? _current;

    public SensorDirectory(IServiceScopeFactory scopes, FieldProtector protector, TimeProvider clock, ClusterSignals signals)
    {
        _scopes = scopes;
        _protector = protector;
        _clock = clock;
        _signals = signals;
        _signals.Subscribe(ChangedTopic, _ => Invalidate());
        _signals.Subscribe(ClusterSignals.ReconnectedTopic, _ => Invalidate());
    }

    public void Invalidate() => _current = null;

    /// <summary>Tells every server process that the sensors changed (after the change is committed).</summary>
    public Task ChangedAsync(CancellationToken ct = default) => _signals.PublishAsync(ChangedTopic, ct: ct);

    public async Task<FrozenDictionary<string, SensorEntry>> GetAsync(CancellationToken ct)
    {
        var now = _clock.GetUtcNow();
        if (_current is { } fresh && now - fresh.ReadAt < Lifetime)
        {
            return fresh.ByCode;
        }

        await _loading.WaitAsync(ct);
        try
        {
            if (_current is { } loaded && now - loaded.ReadAt < Lifetime)
            {
                return loaded.ByCode;
            }

            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
            var sensors = await db.Set<Sensor>().AsNoTracking().ToListAsync(ct);
            var byCode = sensors.ToFrozenDictionary(s => s.Code,
                s => new SensorEntry(s.Id, s.EventId, s.Code, s.GateId, _protector.Unprotect(s.SecretProtected), s.RevokedAt is not null),
                StringComparer.Ordinal);
            _current = new Snapshot(byCode, now);
            return byCode;
        }
        finally
        {
            _loading.Release();
        }
    }

    private sealed record Snapshot(FrozenDictionary<string, SensorEntry> ByCode, DateTimeOffset ReadAt);
}
