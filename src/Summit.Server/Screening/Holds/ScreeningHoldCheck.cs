using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Screening.Contracts;

namespace Summit.Server.Screening.Holds;

/// <summary>
/// The screening hold as one of the server's gate checks: an entry at a lane with an open hold is refused with
/// <see cref="ReasonCode.ScreeningHold"/> until a security officer clears it; leaving is never held. A gate agent refuses the same
/// through <see cref="GateChecks.NotHeld"/>, with the holds it learns from <see cref="ScreeningGateHolds"/>.
/// </summary>
public sealed class ScreeningHoldCheck : IServerGateCheck
{
    /// <summary>
    /// The first of the server's checks: a lane on hold refuses whoever it would have let in, whatever a later check (the face
    /// check) would say.
    /// </summary>
    public int Order => 100;

    public async Task<IGateCheck> ForBatchAsync(SummitDbContext db, IReadOnlyCollection<GateInfo> gates, CancellationToken ct)
    {
        var ids = gates.Select(g => g.Id).ToList();
        var held = await db.Set<ScreeningHold>().Where(h => h.Status == HoldStatus.Open && ids.Contains(h.GateId)).Select(h => h.GateId).ToListAsync(ct);
        return new HeldLanes(gates.Where(g => held.Contains(g.Id)).Select(g => g.Number).ToFrozenSet());
    }

    /// <param name="held">The numbers of the held gates (a scan's <c>Gate.Id</c>).</param>
    private sealed class HeldLanes(FrozenSet<int> held) : IGateCheck
    {
        public ReasonCode Check(in ScanContext scan) => scan.IsEntry && held.Contains(scan.Gate.Id) ? ReasonCode.ScreeningHold : ReasonCode.Admitted;
    }
}
