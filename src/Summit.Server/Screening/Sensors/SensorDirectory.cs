using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Security;

namespace Summit.Server.Screening.Sensors;

/// <summary>
/// Sensor code to sensor, with the secrets decrypted once, so that verifying a reading costs no database read. Refreshed when
/// a sensor is enrolled or revoked on this server, and every <see cref="Lifetime"/> for changes made by another server process.
/// </summary>
public sealed class SensorDirectory(IServiceScopeFactory scopes, FieldProtector protector, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _current;

    public void Invalidate() => _current = null;

    public async Task<FrozenDictionary<string, SensorEntry>> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
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

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
            var sensors = await db.Set<Sensor>().AsNoTracking().ToListAsync(ct);
            var byCode = sensors.ToFrozenDictionary(s => s.Code,
                s => new SensorEntry(s.Id, s.EventId, s.Code, s.GateId, protector.Unprotect(s.SecretProtected), s.RevokedAt is not null),
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
