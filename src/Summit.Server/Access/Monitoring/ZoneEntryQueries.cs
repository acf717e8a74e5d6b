using Microsoft.EntityFrameworkCore;
using Summit.Access.Core;
using Summit.Server.Access.Contracts;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Monitoring;

/// <summary>The admitted entries into a zone, from the scans (<see cref="IZoneEntries"/>).</summary>
public sealed class ZoneEntryQueries(SummitDbContext db) : IZoneEntries
{
    public async Task<DateTimeOffset?> FirstEntrySinceAsync(Guid zoneId, DateTimeOffset since, CancellationToken ct = default)
    {
        since = since.ToUniversalTime();
        var zone = await db.Zones.AsNoTracking().Where(z => z.Id == zoneId).Select(z => new { z.EventId, z.Number }).FirstOrDefaultAsync(ct);
        if (zone is null)
        {
            return null;
        }

        return await db.Scans.AsNoTracking()
            .Where(s => s.EventId == zone.EventId && s.Zone == zone.Number && s.Direction == GateDirection.Entry && s.Admitted && s.ScannedAt >= since)
            .OrderBy(s => s.ScannedAt).Select(s => (DateTimeOffset?)s.ScannedAt).FirstOrDefaultAsync(ct);
    }
}
