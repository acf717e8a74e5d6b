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
/// with faces on; it is decoded within bounds and dropped, never stored or logged.
/// </summary>
public sealed class FaceFrameComparer(IServiceScopeFactory scopes, IFaceAnalyzer analyzer, IOptionsMonitor<FacesOptions> options) : IGateFrameComparer
{
    public async Task<FaceComparison?> CompareAsync(Guid holderId, GateInfo gate, byte[] frame, CancellationToken ct)
    {
        FaceDescriptor template;
        double threshold;
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
            template = scope.ServiceProvider.GetRequiredService<FaceTemplates>().Unprotect(row.EncryptedTemplate!);
        }

        FaceImage image;
        try
        {
            image = FaceImage.Decode(frame, new FaceImageLimits(frame.Length, options.CurrentValue.MaxFramePixels));
        }
        catch (FaceImageException)
        {
            // A frame that cannot be read shows no face to compare: the operator checks the person.
            return new FaceComparison(null, threshold);
        }

        // CPU work off the request's thread pool turn: a frame takes tens of milliseconds (docs/benchmarks.md).
        var face = await Task.Run(() => analyzer.LargestFace(image), ct);
        return new FaceComparison(face is null ? null : Math.Round(face.Descriptor.DistanceTo(template), 4), threshold);
    }

    /// <summary>Faces are on at every gate until a security officer switches them off there (<see cref="FaceGateSwitch"/>).</summary>
    public async Task<bool> ComparesAtAsync(Guid gateId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return !await scope.ServiceProvider.GetRequiredService<SummitDbContext>().Set<FaceGateSwitch>().AnyAsync(s => s.GateId == gateId, ct);
    }
}
