using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Access.Core.Sync;
using Summit.Faces.Core;
using Summit.Server.Access.Contracts;
using Summit.Server.Faces.Engine;
using Summit.Server.Faces.Settings;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Faces.Gate;

/// <summary>
/// The face lane's 1:N search (ADR 0034): a frame that came without a code at a gate marked as a face lane, against the event's
/// fast-lane templates. A person is identified only when the nearest template lies under the threshold and ahead of the nearest other
/// person by the event's margin; otherwise the lane asks for the code. With faces off at the gate or nobody eligible, the frame is not
/// looked at. The frame is decoded within bounds and dropped, never stored.
/// </summary>
public sealed class FaceLaneSearcher(IServiceScopeFactory scopes, IFaceAnalyzer analyzer, FaceLaneGallery galleries, IOptionsMonitor<FacesOptions> options)
    : IGateFaceSearch
{
    public async Task<FaceLaneSearch?> SearchAsync(GateInfo gate, byte[] frame, CancellationToken ct)
    {
        FaceGallery<Guid> gallery;
        FaceLaneSearch nobody;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
            var lane = await db.Set<FaceLane>().AsNoTracking().FirstOrDefaultAsync(l => l.GateId == gate.Id, ct);
            if (lane is null)
            {
                return null;
            }

            var stored = await FaceSettingsService.StoredAsync(db, lane.EventId, ct);
            nobody = new FaceLaneSearch(null, null, null, stored?.Threshold ?? options.CurrentValue.Threshold, stored?.Margin ?? options.CurrentValue.Margin);
            if (await db.Set<FaceGateSwitch>().AnyAsync(s => s.GateId == gate.Id, ct))
            {
                // Faces off at this gate: the lane takes codes only.
                return nobody;
            }

            gallery = await galleries.GetAsync(db, lane.EventId, ct);
        }

        if (gallery.Count == 0)
        {
            return nobody;
        }

        FaceImage image;
        try
        {
            image = FaceImage.Decode(frame, new FaceImageLimits(frame.Length, options.CurrentValue.MaxFramePixels));
        }
        catch (FaceImageException)
        {
            return nobody;
        }

        var face = await Task.Run(() => analyzer.LargestFace(image), ct);
        if (face is null)
        {
            return nobody;
        }

        var found = gallery.Search(face.Descriptor);
        return nobody with
        {
            HolderId = found.IsClearMatch(nobody.Threshold, nobody.Margin) ? found.Best : null,
            Distance = Math.Round(found.BestDistance, 4),
            SecondDistance = double.IsFinite(found.SecondDistance) ? Math.Round(found.SecondDistance, 4) : null,
        };
    }
}
