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
    ScanProcessor processor, CurrentActor actor, Localizer localizer)
{
    /// <summary>Staff fetch a holder's photo from the guests API, which their role's PhotosView permission opens.</summary>
    public static string PhotoUrl(Guid guestId) => $"/api/v1/guests/{guestId}/photo";

    public async Task<ScanResponse> ScanAsync(Guid gateId, ConsoleScanRequest request, CancellationToken ct = default)
    {
        var snapshot = await cache.GetAsync(db, guests, settings, ct);
        var gate = snapshot.Gates.GetValueOrDefault(gateId) ?? throw new SummitException(SummitError.NotFound(AccessErrors.GateNotFound, gateId));
        var direction = gate.Resolve(request.Direction) ?? throw new SummitException(SummitError.Of(AccessErrors.ScanDirectionNotAllowed, request.Direction!, gate.Code));
        if (request.Nonce == Guid.Empty)
        {
            throw new SummitException(SummitError.Of(AccessErrors.ScanNonceRequired));
        }

        var frame = ScanFrames.Decode(request.Frame);
        var scanner = "user:" + (await actor.GetAsync()).Id;
        var outcome = await processor.SubmitAsync(new ScanWork(scanner, null, gate, request.Nonce, request.Code ?? "", direction, null, ScanSource.Console,
            Frame: frame), ct);
        return ScanResponses.From(outcome, localizer, PhotoUrl);
    }

    public async Task<ConsoleSetup> SetupAsync(CancellationToken ct = default)
    {
        var snapshot = await cache.GetAsync(db, guests, settings, ct);
        var gates = snapshot.Gates.Values.OrderBy(g => g.Code, StringComparer.Ordinal).ToList();
        return new ConsoleSetup(gates, snapshot.Zones, await guests.CategoriesAsync(snapshot.EventId, ct), snapshot.TimeZone);
    }
}
