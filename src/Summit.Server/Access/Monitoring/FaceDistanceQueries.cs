using Microsoft.EntityFrameworkCore;
using Summit.Access.Core;
using Summit.Server.Access.Contracts;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Monitoring;

/// <summary>The face distances recorded with the event's scans (<see cref="IFaceDistances"/>): the numbers only.</summary>
public sealed class FaceDistanceQueries(SummitDbContext db) : IFaceDistances
{
    public async Task<FaceDistanceSample> ForEventAsync(Guid eventId, CancellationToken ct)
    {
        var compared = db.Scans.AsNoTracking().Where(s => s.EventId == eventId && s.FaceDistance != null).OrderByDescending(s => s.ReceivedAt);
        var matched = await compared.Where(s => !s.FaceLane && s.Admitted).Select(s => s.FaceDistance!.Value).Take(FaceDistanceSample.MaxPerKind).ToListAsync(ct);
        var mismatched = await compared.Where(s => !s.FaceLane && s.Reason == ReasonCode.FaceMismatch).Select(s => s.FaceDistance!.Value)
            .Take(FaceDistanceSample.MaxPerKind).ToListAsync(ct);
        var lane = await compared.Where(s => s.FaceLane).Select(s => new { Best = s.FaceDistance!.Value, s.FaceLead }).Take(FaceDistanceSample.MaxPerKind)
            .ToListAsync(ct);
        return new FaceDistanceSample(matched, mismatched, [.. lane.Select(l => l.Best)],
            [.. lane.Where(l => l.FaceLead != null).Select(l => Math.Round(l.Best + l.FaceLead!.Value, 4))],
            [.. lane.Where(l => l.FaceLead != null).Select(l => l.FaceLead!.Value)]);
    }
}
