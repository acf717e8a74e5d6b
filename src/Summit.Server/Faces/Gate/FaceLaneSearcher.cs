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
/// looked at. At a lane that requires a live face (ADR 0035) the burst must first pass <see cref="FaceLiveness"/>, and every frame must
/// find the same VIP. Frames are decoded within bounds and dropped, never stored.
/// </summary>
public sealed class FaceLaneSearcher(IServiceScopeFactory scopes, IFaceAnalyzer analyzer, FaceLaneGallery galleries, IOptionsMonitor<FacesOptions> options)
    : IGateFaceSearch
{
    public async Task<FaceLaneSearch?> SearchAsync(GateInfo gate, IReadOnlyList<byte[]> frames, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfZero(frames.Count);
        FaceGallery<Guid> gallery;
        FaceLaneSearch nobody;
        bool liveness;
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

            liveness = await db.Set<FaceLivenessGate>().AnyAsync(s => s.GateId == gate.Id, ct);
            gallery = await galleries.GetAsync(db, lane.EventId, ct);
        }

        if (gallery.Count == 0)
        {
            return nobody;
        }

        if (!liveness)
        {
            // One frame is searched; the later frames of a burst are not looked at where no live face is required.
            var face = await Task.Run(() => Decode(frames[0]) is { } image ? analyzer.LargestFace(image) : null, ct);
            return face is null ? nobody : Found(nobody, gallery.Search(face.Descriptor));
        }

        // A live face is required (ADR 0035): the whole burst is analysed (CPU work off the request's turn) and judged before anyone is
        // searched for, so a held-up photo of a VIP is never identified. A frame that cannot be read shows no face: the burst is not live.
        var analysed = await Task.Run(() => frames.Select(frame => Decode(frame) is { } image ? analyzer.Faces(image) : []).ToList(), ct);
        if (!FaceLiveness.Judge(analysed, new FaceLivenessOptions { SamePersonThreshold = nobody.Threshold }).IsLive)
        {
            return nobody with { Live = false };
        }

        // The first frame decides (a clear match, as with one frame); every later frame must find the same VIP under the threshold.
        var searches = analysed.Select(faces => gallery.Search(faces[0].Descriptor)).ToList();
        var decisive = Found(nobody with { Live = true }, searches[0]);
        return decisive.HolderId is { } holder && searches.Skip(1).All(s => s.Best == holder && s.BestDistance < nobody.Threshold)
            ? decisive
            : decisive with { HolderId = null };
    }

    /// <summary>The search's figures; the person only for a clear match.</summary>
    private static FaceLaneSearch Found(FaceLaneSearch nobody, FaceSearchResult<Guid> found) => nobody with
    {
        HolderId = found.IsClearMatch(nobody.Threshold, nobody.Margin) ? found.Best : null,
        Distance = Math.Round(found.BestDistance, 4),
        SecondDistance = double.IsFinite(found.SecondDistance) ? Math.Round(found.SecondDistance, 4) : null,
    };

    /// <summary>The frame decoded within bounds, or null when it cannot be read (it then shows no face: the lane asks for the code).</summary>
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
}
