using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Screening.Contracts;

namespace Summit.Server.Screening.Holds;

/// <summary>
/// Screening's answer to Access's question "which gates are held?", for the gate agents: the gates with an open hold; watched are
/// those with an active sensor. The server's own scans are refused by <see cref="ScreeningHoldCheck"/>.
/// </summary>
public sealed class ScreeningGateHolds : IGateHolds
{
    public async Task<GateHoldStates> StatesAsync(SummitDbContext db, CancellationToken ct)
    {
        var open = await db.Set<ScreeningHold>().AsNoTracking().Where(h => h.Status == HoldStatus.Open).Select(h => new { h.GateId, h.RaisedAt })
            .ToListAsync(ct);
        var watched = await db.Set<Sensor>().AsNoTracking().Where(s => s.RevokedAt == null).Select(s => s.GateId).Distinct().ToListAsync(ct);
        return new GateHoldStates(open.GroupBy(h => h.GateId).ToDictionary(g => g.Key, g => g.Min(h => h.RaisedAt)),
            watched.Concat(open.Select(h => h.GateId)).ToHashSet());
    }
}
