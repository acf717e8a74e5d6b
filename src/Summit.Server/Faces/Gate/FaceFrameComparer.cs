using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Faces.Core;
using Summit.Server.Access.Contracts;
using Summit.Server.Faces.Engine;
using Summit.Server.Faces.Enrolment;
using Summit.Server.Faces.Settings;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Faces.Gate;

/// <summary>
/// The 1:1 comparison at the gate: the lane's frame against the code holder's template, by Euclidean distance (dlib's convention,
/// ADR 0022) against the event's threshold. The frame is looked at only for a holder with a template (who consented) at a gate
/// with faces on; it is decoded within bounds and dropped, never stored or logged. At a gate that requires a live face (ADR 0035) the
/// whole burst is analysed and judged by <see cref="FaceLiveness"/>.
/// </summary>
public sealed class FaceFrameComparer(IServiceScopeFactory scopes, IFaceAnalyzer analyzer, IOptionsMonitor<FacesOptions> options) : IGateFrameComparer
{
    public async Task<FaceComparison?> CompareAsync(Guid holderId, GateInfo gate, IReadOnlyList<byte[]> frames, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfZero(frames.Count);
        FaceDescriptor template;
        double threshold;
        bool liveness;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
            var row = await db.Set<FaceEnrolment>().AsNoTracking()
                .Where(e => e.GuestId == holderId && e.State == FaceEnrolmentState.Enrolled && e.EncryptedTemplate != null)
                .Select(e => new { e.EventId, e.EncryptedTemplate }).FirstOrDefaultAsync(ct);
            if (row is null || await db.Set<FaceGateSwitch>().AnyAsync(s => s.GateId == gate.Id, ct))
            {
                // No template (no consent) or faces off here: the gate decides on the code and the operator's look, as without faces.
                return null;
            }

            threshold = (await FaceSettingsService.StoredAsync(db, row.EventId, ct))?.Threshold ?? options.CurrentValue.Threshold;
            liveness = await db.Set<FaceLivenessGate>().AnyAsync(s => s.GateId == gate.Id, ct);
            template = scope.ServiceProvider.GetRequiredService<FaceTemplates>().Unprotect(row.EncryptedTemplate!);
        }

        if (!liveness)
        {
            // One frame is compared; the later frames of a burst are not looked at where no live face is required.
            var face = await Task.Run(() => Decode(frames[0]) is { } image ? analyzer.LargestFace(image) : null, ct);
            return new FaceComparison(face is null ? null : Math.Round(face.Descriptor.DistanceTo(template), 4), threshold);
        }

        // CPU work off the request's thread pool turn: a frame takes tens of milliseconds (docs/benchmarks.md). A frame that cannot be
        // read shows no face: the burst is then not live.
        var analysed = await Task.Run(() => frames.Select(frame => Decode(frame) is { } image ? analyzer.Faces(image) : []).ToList(), ct);
        var first = analysed[0].MaxBy(face => face.Detection.Box.Width);
        var live = FaceLiveness.Judge(analysed, new FaceLivenessOptions { SamePersonThreshold = threshold });
        return new FaceComparison(first is null ? null : Math.Round(first.Descriptor.DistanceTo(template), 4), threshold, live.IsLive);
    }

    /// <summary>The frame decoded within bounds, or null when it cannot be read (it then shows no face: the operator checks the person).</summary>
    private FaceImage? Decode(byte[] frame)
    {
        try
        {
            return FaceImage.Decode(frame, new FaceImageLimits(frame.Length, options.CurrentValue.MaxFramePixels));
        }
        catch (FaceImageException)
        {
            return null;
        }
    }

    /// <summary>Faces are on at every gate until a security officer switches them off there (<see cref="FaceGateSwitch"/>).</summary>
    public async Task<bool> ComparesAtAsync(Guid gateId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return !await scope.ServiceProvider.GetRequiredService<SummitDbContext>().Set<FaceGateSwitch>().AnyAsync(s => s.GateId == gateId, ct);
    }

    /// <summary>A live face is required where a security officer switched it on (<see cref="FaceLivenessGate"/>) and faces are on.</summary>
    public async Task<bool> RequiresLivenessAtAsync(Guid gateId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        return await db.Set<FaceLivenessGate>().AnyAsync(s => s.GateId == gateId, ct) && !await db.Set<FaceGateSwitch>().AnyAsync(s => s.GateId == gateId, ct);
    }
}
