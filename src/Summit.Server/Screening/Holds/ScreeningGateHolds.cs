using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Scanning;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Screening.Holds;

/// <summary>Screening's answer to Access's question "which gates are held?": the gates with an open hold; watched are those with an active sensor.</summary>
public sealed class ScreeningGateHolds : IGateHolds
{
    public async Task<IReadOnlySet<Guid>> HeldAmongAsync(SummitDbContext db, IReadOnlyCollection<Guid> gateIds, CancellationToken ct)
    {
        var ids = gateIds.ToList();
        var held = await db.Set<ScreeningHold>().Where(h => h.Status == HoldStatus.Open && ids.Contains(h.GateId)).Select(h => h.GateId).ToListAsync(ct);
        return held.ToHashSet();
    }

    public async Task<GateHoldStates> StatesAsync(SummitDbContext db, CancellationToken ct)
    {
        var open = await db.Set<ScreeningHold>().AsNoTracking().Where(h => h.Status == HoldStatus.Open).Select(h => new { h.GateId, h.RaisedAt })
            .ToListAsync(ct);
        var watched = await db.Set<Sensor>().AsNoTracking().Where(s => s.RevokedAt == null).Select(s => s.GateId).Distinct().ToListAsync(ct);
        return new GateHoldStates(open.GroupBy(h => h.GateId).ToDictionary(g => g.Key, g => g.Min(h => h.RaisedAt)),
            watched.Concat(open.Select(h => h.GateId)).ToHashSet());
    }
}
