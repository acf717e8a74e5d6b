using Summit.Access.Core.Sync;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Policy;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Access.Scanning;

/// <summary>
/// Scans at a staffed console, from the gate console page or a browser calling the API: decided and recorded like a device scan,
/// in the operator's name ("user:{id}" with the nonce makes a scan unique).
/// </summary>
public sealed class ConsoleScans(SummitDbContext db, IGuestDirectory guests, AccessSettingsService settings, AccessSnapshotCache cache,
    ScanProcessor processor, CurrentActor actor, Localizer localizer, IEnumerable<IGateFrameComparer> frameComparers)
{
    /// <summary>Staff fetch a holder's photo from the guests API, which their role's PhotosView permission opens.</summary>
    public static string PhotoUrl(Guid guestId) => $"/api/v1/guests/{guestId}/photo";

    /// <summary>A scan through the API: its frame, if any, is base64 in <see cref="ConsoleScanRequest.Frame"/>.</summary>
    public Task<ScanResponse> ScanAsync(Guid gateId, ConsoleScanRequest request, CancellationToken ct = default) =>
        SubmitAsync(gateId, request, () => ScanFrames.Decode(request.Frame) is { } frame ? [frame] : [], ct);

    /// <summary>
    /// A scan from the gate console page: its frame came as bytes, streamed through the page's connection (a JPEG is larger than one
    /// message of it may be) and read there up to <see cref="ScanFrames.MaxBytes"/>; bounded here again as the API's is.
    /// </summary>
    public Task<ScanResponse> ScanAsync(Guid gateId, ConsoleScanRequest request, byte[]? frame, CancellationToken ct = default) =>
        SubmitAsync(gateId, request with { Frame = null }, () => ScanFrames.Bounded(frame) is { } bounded ? [bounded] : [], ct);

    /// <summary>
    /// A scan from the gate console page at a gate that requires a live face: a burst of frames (oldest first) streamed as the single frame
    /// is, bounded as the device API bounds a burst.
    /// </summary>
    public Task<ScanResponse> ScanAsync(Guid gateId, ConsoleScanRequest request, IReadOnlyList<byte[]> frames, CancellationToken ct = default) =>
        SubmitAsync(gateId, request with { Frame = null }, () => ScanFrames.BoundedBurst(frames), ct);

    /// <summary>Whether entries at the gate require a live face: the console then sends a burst and asks the person to turn their head.</summary>
    public async Task<bool> RequiresLivenessAsync(Guid gateId, CancellationToken ct = default)
    {
        foreach (var comparer in frameComparers)
        {
            if (await comparer.RequiresLivenessAtAsync(gateId, ct))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether entries at the gate have their frame compared (faces on there): only then does the console open its face camera.</summary>
    public async Task<bool> TakesFramesAsync(Guid gateId, CancellationToken ct = default)
    {
        foreach (var comparer in frameComparers)
        {
            if (await comparer.ComparesAtAsync(gateId, ct))
            {
                return true;
            }
        }

        return false;
    }

    private async Task<ScanResponse> SubmitAsync(Guid gateId, ConsoleScanRequest request, Func<IReadOnlyList<byte[]>> framesOf, CancellationToken ct)
    {
        var snapshot = await cache.GetAsync(db, guests, settings, ct);
        var gate = snapshot.Gates.GetValueOrDefault(gateId) ?? throw new SummitException(SummitError.NotFound(AccessErrors.GateNotFound, gateId));
        var direction = gate.Resolve(request.Direction) ?? throw new SummitException(SummitError.Of(AccessErrors.ScanDirectionNotAllowed, request.Direction!, gate.Code));
        if (request.Nonce == Guid.Empty)
        {
            throw new SummitException(SummitError.Of(AccessErrors.ScanNonceRequired));
        }

        var frames = framesOf();
        var scanner = "user:" + (await actor.GetAsync()).Id;
        var outcome = await processor.SubmitAsync(new ScanWork(scanner, null, gate, request.Nonce, request.Code ?? "", direction, null, ScanSource.Console,
            Frame: frames.Count > 0 ? frames[0] : null, LaterFrames: frames.Count > 1 ? [.. frames.Skip(1)] : null), ct);
        return ScanResponses.From(outcome, localizer, PhotoUrl);
    }

    public async Task<ConsoleSetup> SetupAsync(CancellationToken ct = default)
    {
        var snapshot = await cache.GetAsync(db, guests, settings, ct);
        var gates = snapshot.Gates.Values.OrderBy(g => g.Code, StringComparer.Ordinal).ToList();
        return new ConsoleSetup(gates, snapshot.Zones, await guests.CategoriesAsync(snapshot.EventId, ct), snapshot.TimeZone);
    }
}
