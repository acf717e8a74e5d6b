using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Zones;
using Summit.Server.Infrastructure.Database;

namespace Summit.Tests.Architecture.Violations.Screening;

/// <summary>
/// A deliberate violation, never run: a "screening" service that takes Access's concrete zone service and counts Access's
/// scans table itself. <see cref="ModuleBoundaryTests"/> shows the boundary checks refuse both.
/// </summary>
internal sealed class LeakyScreeningService(SummitDbContext db, ZoneService zones)
{
    public async Task<int> ZonesAsync(CancellationToken ct) => (await zones.ListZonesAsync(ct)).Count;

    public Task<int> ScansAtAsync(Guid gateId, CancellationToken ct) => db.Scans.CountAsync(s => s.GateId == gateId, ct);
}
