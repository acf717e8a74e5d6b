using Microsoft.EntityFrameworkCore;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Policy;

/// <summary>
/// Holds the current <see cref="AccessSnapshot"/>. Callers pass their own DbContext: the version is read with every use, so a
/// revocation saved by any server process takes effect at the next scan, and the snapshot is rebuilt only when it changed.
/// </summary>
public sealed class AccessSnapshotCache
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private AccessSnapshot? _current;

    /// <summary>The snapshot last read, not checked against the database: for what is checked again later (see ScanProcessor).</summary>
    public AccessSnapshot? Latest => _current;

    public async Task<AccessSnapshot> GetAsync(SummitDbContext db, IGuestDirectory guests, AccessSettingsService settingsService, CancellationToken ct)
    {
        // The common case costs one small query: the version of the event already held.
        var current = _current;
        if (current is not null)
        {
            var version = await db.AccessSettings.AsNoTracking().Where(s => s.EventId == current.EventId).Select(s => (long?)s.PolicyVersion)
                .FirstOrDefaultAsync(ct);
            if (version == current.PolicyVersion)
            {
                return current;
            }
        }

        var (summitEvent, settings) = await settingsService.GetAsync(ct);
        await _rebuild.WaitAsync(ct);
        try
        {
            current = _current;
            if (current is not null && current.PolicyVersion == settings.PolicyVersion && current.EventId == settings.EventId)
            {
                return current;
            }

            current = await AccessSnapshot.BuildAsync(db, guests, settings, summitEvent.TimeZoneId, ct);
            _current = current;
            return current;
        }
        finally
        {
            _rebuild.Release();
        }
    }
}
