using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Contracts;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Access.Scanning;

/// <summary>The endpoints gate devices call (see Summit.Access.Core.Sync.DeviceContract). They authenticate the device, never a person.</summary>
public static class DeviceApi
{
    public const int MaxUpload = 1000;

    /// <summary>How long after scanning someone a device may fetch their photo for the visual check.</summary>
    public static readonly TimeSpan PhotoWindow = TimeSpan.FromMinutes(10);

    public static RouteGroupBuilder MapDeviceApi(this RouteGroupBuilder api)
    {
        var device = api.MapGroup("/device").WithTags("Gate devices").RequireAuthorization(DeviceAuthentication.Policy);

        device.MapGet("/me", async (ClaimsPrincipal user, DeviceContext context, CancellationToken ct) =>
            {
                var (snapshot, gate) = await context.ResolveAsync(user, ct);
                return TypedResults.Ok(new DeviceInfo(DeviceId(user), user.Identity!.Name ?? "", gate, snapshot.EventNumber, context.Now));
            })
            .WithSummary("The calling device, its gate and the server's time");

        device.MapGet("/policy", async (ClaimsPrincipal user, DeviceContext context, HttpContext http, CancellationToken ct) =>
            {
                var (snapshot, gate) = await context.ResolveAsync(user, ct);
                // Opening or closing a gate raises the policy version too, so the version alone tells a device whether to reload.
                var etag = $"\"{snapshot.PolicyVersion}\"";
                http.Response.Headers.ETag = etag;
                return http.Request.Headers.IfNoneMatch.ToString() == etag
                    ? Results.StatusCode(StatusCodes.Status304NotModified)
                    : Results.Ok(snapshot.DocumentFor(gate));
            })
            .WithSummary("Keys, revocations, blocked persons, grants and rules: all a gate needs to decide offline (ETag = policy version)");

        device.MapGet("/presence", async (ClaimsPrincipal user, DeviceContext context, SummitDbContext db, CancellationToken ct) =>
            {
                var (snapshot, gate) = await context.ResolveAsync(user, ct);
                var rows = await db.ZonePresence.AsNoTracking().Where(p => p.EventId == snapshot.EventId && p.Zone == gate.Zone)
                    .Select(p => new PresenceEntry(p.CredentialId, p.Inside, p.LastEntryAt, p.LastExitAt, p.DayStart, p.EntriesInDay)).ToListAsync(ct);
                return TypedResults.Ok(new PresenceDocument(gate.Zone, context.Now, rows));
            })
            .WithSummary("Who is inside the device's zone and their entries today, for anti-passback offline");

        device.MapGet("/holds", async (ClaimsPrincipal user, DeviceContext context, GateHoldWatch holds, HttpContext http, CancellationToken ct) =>
            {
                var (_, gate) = await context.ResolveAsync(user, ct);
                var known = http.Request.Headers.IfNoneMatch.ToString();
                var wait = PreferredWait(http.Request.Headers["Prefer"]);
                var state = known.Length > 2 && wait > TimeSpan.Zero
                    ? await holds.WaitForChangeAsync(gate.Id, known.Trim('"'), wait, ct)
                    : await holds.StateAsync(gate.Id, ct);
                var etag = $"\"{state.Tag}\"";
                http.Response.Headers.ETag = etag;
                return known == etag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Ok(state);
            })
            .WithSummary($"Whether the device's lane is on screening hold. With If-None-Match and \"Prefer: wait=N\" (N up to {MaxHoldWaitSeconds}) it answers " +
                "as soon as that changes, or 304 after N seconds: a gate agent learns of a fever hold within a second");

        device.MapPost("/scans", async (DeviceScanRequest request, ClaimsPrincipal user, DeviceContext context, ScanProcessor processor, Localizer localizer,
                CancellationToken ct) =>
            {
                var gate = await context.GateForScanAsync(user, ct);
                var direction = gate.Resolve(request.Direction) ?? throw new SummitException(SummitError.Of(AccessErrors.ScanDirectionNotAllowed, request.Direction!, gate.Code));
                if (request.Nonce == Guid.Empty)
                {
                    throw new SummitException(SummitError.Of(AccessErrors.ScanNonceRequired));
                }

                var frames = ScanFrames.DecodeAll(request.Frame, request.Frames);
                var outcome = await processor.SubmitAsync(new ScanWork(Scanner(user), DeviceId(user), gate, request.Nonce, request.Code ?? "", direction,
                    request.ScannedAt, ScanSource.Online, Frame: frames.Count > 0 ? frames[0] : null, LaterFrames: frames.Count > 1 ? [.. frames.Skip(1)] : null), ct);
                return TypedResults.Ok(ScanResponses.From(outcome, localizer, id => $"/api/v1/device/holders/{id}/photo"));
            })
            .WithSummary("Decide a scan online and record it; the same nonce twice is one scan");

        device.MapPost("/scans/upload", async (ScanUploadRequest request, ClaimsPrincipal user, DeviceContext context, ScanProcessor processor,
                Localizer localizer, CancellationToken ct) =>
            {
                var (_, gate) = await context.ResolveAsync(user, ct);
                var scans = request.Scans ?? [];
                if (scans.Count > MaxUpload)
                {
                    throw new SummitException(SummitError.Of(AccessErrors.UploadTooLarge, MaxUpload));
                }

                var rejected = new List<RejectedScan>();
                var works = new List<ScanWork>();
                foreach (var scan in scans)
                {
                    var problem = Problem(scan, context.Now);
                    if (problem is not null)
                    {
                        rejected.Add(new RejectedScan(scan?.Nonce ?? Guid.Empty, Truncate(scan?.Code), SummitError.Of(problem).Message(localizer)));
                        continue;
                    }

                    var face = scan!.FaceDistance is not null || scan.FaceLane ? new AgentFace(scan.FaceDistance, scan.FaceLane, scan.FaceLead) : null;
                    works.Add(new ScanWork(Scanner(user), DeviceId(user), gate, scan.Nonce, scan.Code ?? "", scan.Direction, scan.ScannedAt, ScanSource.Agent,
                        scan.Reason, AgentFace: face));
                }

                var outcomes = await processor.SubmitManyAsync(works, ct);
                var conflicts = outcomes.Where(o => o.Conflict is not null).Select(o => o.Conflict!)
                    .Select(c => new EntryConflictInfo(c.Id, c.CredentialId, c.Zone, c.FirstScanId, c.SecondScanId)).ToList();
                return TypedResults.Ok(new ScanUploadResponse(outcomes.Count(o => !o.Duplicate), outcomes.Count(o => o.Duplicate),
                    outcomes.Count(o => !o.Duplicate && o.Scan.Late), conflicts, rejected));
            })
            .WithSummary("Upload scans a device decided itself (its offline journal); each nonce is recorded once");

        device.MapGet("/holders/{guestId:guid}/photo", async (Guid guestId, ClaimsPrincipal user, SummitDbContext db, IGuestDirectory guests,
                DeviceContext context, CancellationToken ct) =>
            {
                // Least privilege: a device sees only the photo of someone it has just scanned.
                var deviceId = DeviceId(user);
                var since = context.Now - PhotoWindow;
                if (!await db.Scans.AnyAsync(s => s.DeviceId == deviceId && s.GuestId == guestId && s.ReceivedAt >= since, ct))
                {
                    return Results.NotFound();
                }

                return await guests.GetPhotoJpegAsync(guestId, ct) is { } jpeg ? Results.File(jpeg, "image/jpeg") : Results.NotFound();
            })
            .WithSummary("The photo of a person this device scanned in the last 10 minutes (the read is audited)");

        return api;
    }

    /// <summary>The longest a holds request waits for a change: well under the timeouts of proxies and of the agent's HTTP client.</summary>
    public const int MaxHoldWaitSeconds = 30;

    /// <summary>The wait a client asked for with RFC 7240 "Prefer: wait=N", up to <see cref="MaxHoldWaitSeconds"/>; zero when absent or unreadable.</summary>
    internal static TimeSpan PreferredWait(Microsoft.Extensions.Primitives.StringValues prefer)
    {
        foreach (var preference in prefer.SelectMany(p => (p ?? "").Split(',')))
        {
            var parts = preference.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && parts[0].Equals("wait", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Min(seconds, MaxHoldWaitSeconds));
            }
        }

        return TimeSpan.Zero;
    }

    private static string? Problem(JournalScan? scan, DateTimeOffset now) =>
        scan is null || scan.Nonce == Guid.Empty ? AccessErrors.ScanNonceRequired
        : !Enum.IsDefined(scan.Reason) || !Enum.IsDefined(scan.Direction) || !scan.HasPlausibleFace ? AccessErrors.ScanRecordInvalid
        : scan.ScannedAt > now.AddDays(1) || scan.ScannedAt < now.AddYears(-1) ? AccessErrors.ScanTimeImplausible
        : null;

    private static string Truncate(string? code) => code is null ? "" : code.Length > 64 ? code[..64] + "…" : code;

    private static Guid DeviceId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(DeviceAuthentication.DeviceClaim)!);

    private static string Scanner(ClaimsPrincipal user) => ScannerOf(DeviceId(user));

    /// <summary>Who scanned, for a device: with the nonce, what makes a scan unique.</summary>
    internal static string ScannerOf(Guid deviceId) => "device:" + deviceId.ToString("N");
}
