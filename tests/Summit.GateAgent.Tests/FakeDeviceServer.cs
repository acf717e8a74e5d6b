using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Summit.Access.Core;
using Summit.Access.Core.Sync;

namespace Summit.GateAgent.Tests;

/// <summary>
/// The device API of DeviceContract.cs on a real Kestrel port, as the Summit server answers it: token check, policy with
/// ETag and 304, the zone's presence (updated from uploaded admitted scans), and uploads deduplicated by nonce. Switches
/// make it unreachable, refuse the token, or lose the answer to an upload after recording it.
/// </summary>
internal sealed class FakeDeviceServer : IAsyncDisposable
{
    public const string Token = "dev_7Qm2xLr9TkVb4NcP8sWf";

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<Guid, JournalScan> _recorded = new();
    private readonly ConcurrentDictionary<Guid, int> _receipts = new();
    private readonly PresenceBook _presence = new();
    private int _loseUploadAnswers;
    private FakeFaces? _faces;
    private int _facesVersion;
    private GateHoldsDocument? _holds;
    private TaskCompletionSource _holdsChanged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeDeviceServer(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
        Policy = GateWorld.Policy();
    }

    public Uri Url { get; private set; } = null!;

    public GatePolicyDocument Policy { get; set; }

    /// <summary>Every request's connection is dropped, as if the server or the network were down.</summary>
    public bool Down { get; set; }

    /// <summary>Every request is answered 401, as for a revoked device.</summary>
    public bool RefuseToken { get; set; }

    public int UploadRequests { get; private set; }

    public int NotModifiedAnswers { get; private set; }

    /// <summary>Holds requests answered, and how many of them waited for a change.</summary>
    public int HoldsRequests { get; private set; }

    /// <summary>The lane's holds as the server would tell them; not held, no sensor, until a test says otherwise.</summary>
    public GateHoldsDocument Holds
    {
        get => _holds ?? new GateHoldsDocument(Policy.Gate.Id, Screened: false, Held: false, null, _time.GetUtcNow());
        set
        {
            TaskCompletionSource changed;
            lock (_lock)
            {
                _holds = value;
                changed = _holdsChanged;
                _holdsChanged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            changed.TrySetResult();
        }
    }

    /// <summary>Puts the lane on hold since now (true) or lifts the hold (false), as a fever reading and an officer would.</summary>
    public void Hold(bool held) =>
        Holds = new GateHoldsDocument(Policy.Gate.Id, Screened: true, held, held ? _time.GetUtcNow() : null, _time.GetUtcNow());

    /// <summary>The gate's face check as the server would send it (ADR 0037); null answers 404, as a server without faces.</summary>
    public FakeFaces? Faces
    {
        get => _faces;
        set
        {
            _faces = value;
            _facesVersion++;
        }
    }

    public int FacesRequests { get; private set; }

    /// <summary>Scans stored, one per nonce.</summary>
    public IReadOnlyDictionary<Guid, JournalScan> Recorded => _recorded;

    /// <summary>How many times each nonce arrived.</summary>
    public IReadOnlyDictionary<Guid, int> Receipts => _receipts;

    /// <summary>The next <paramref name="count"/> uploads are recorded, then their connection is dropped before the answer.</summary>
    public void LoseUploadAnswers(int count) => _loseUploadAnswers = count;

    /// <summary>Sets the server's view of a credential in the gate's zone, as if another gate had seen it.</summary>
    public void SetPresence(Guid credentialId, ZoneMovements movements)
    {
        lock (_lock)
        {
            _presence.Set(credentialId, GateWorld.Hall, movements);
        }
    }

    public static async Task<FakeDeviceServer> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var app = builder.Build();
        var server = new FakeDeviceServer(app, time);
        app.Use(server.GuardAsync);
        app.MapGet("/api/v1/device/me", server.Me);
        app.MapGet("/api/v1/device/policy", server.GetPolicy);
        app.MapGet("/api/v1/device/presence", server.GetPresence);
        app.MapGet("/api/v1/device/faces", server.GetFaces);
        app.MapGet("/api/v1/device/holds", (Delegate)server.GetHoldsAsync);
        app.MapPost("/api/v1/device/scans/upload", server.Upload);
        await app.StartAsync();
        server.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task GuardAsync(HttpContext http, RequestDelegate next)
    {
        if (Down)
        {
            http.Abort();
            return;
        }
        if (RefuseToken || http.Request.Headers.Authorization.ToString() != $"Device {Token}")
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        await next(http);
    }

    private DeviceInfo Me() => new(Guid.Parse("5b0d8a52-0a57-4a40-9b0b-3f7c1d9e0001"), "G7 turnstile PC", Policy.Gate, Policy.EventNumber, _time.GetUtcNow());

    private IResult GetPolicy(HttpContext http)
    {
        var etag = $"\"{Policy.PolicyVersion}\"";
        if (http.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            NotModifiedAnswers++;
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        http.Response.Headers.ETag = etag;
        return Results.Ok(Policy);
    }

    /// <summary>As the server: with If-None-Match and "Prefer: wait=N", answers when the holds change, or 304 after N (real) seconds.</summary>
    private async Task<IResult> GetHoldsAsync(HttpContext http)
    {
        Task changed;
        lock (_lock)
        {
            HoldsRequests++;
            changed = _holdsChanged.Task;
        }
        var known = http.Request.Headers.IfNoneMatch.ToString();
        var prefer = http.Request.Headers["Prefer"].ToString();
        if (known == $"\"{Holds.Tag}\"" && prefer.StartsWith("wait=", StringComparison.Ordinal)
            && int.TryParse(prefer["wait=".Length..], System.Globalization.CultureInfo.InvariantCulture, out var seconds))
        {
            await Task.WhenAny(changed, Task.Delay(TimeSpan.FromSeconds(seconds), http.RequestAborted));
        }
        var etag = $"\"{Holds.Tag}\"";
        http.Response.Headers.ETag = etag;
        return known == etag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Ok(Holds);
    }

    /// <summary>As the server: the whole set sealed with a key derived from the device token, 304 while it did not change.</summary>
    private IResult GetFaces(HttpContext http)
    {
        FacesRequests++;
        if (_faces is not { } faces)
        {
            return Results.NotFound();
        }
        var tag = $"faces-{_facesVersion}";
        if (http.Request.Headers.IfNoneMatch.ToString() == $"\"{tag}\"")
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }
        var salt = Summit.Faces.Core.FaceTemplateSeal.NewSalt();
        var key = Summit.Faces.Core.FaceTemplateSeal.DeriveKey(Token, salt);
        var people = faces.FacesOn
            ? faces.People.Select(p => new SealedFace(p.HolderId, p.FastLane, Convert.ToBase64String(
                Summit.Faces.Core.FaceTemplateSeal.Seal(key, p.HolderId, Policy.Gate.Id, p.Descriptor, p.FastLane ? p.Code : null)))).ToList()
            : [];
        http.Response.Headers.ETag = $"\"{tag}\"";
        return Results.Ok(new GateFacesDocument(tag, Policy.Gate.Id, faces.FacesOn, faces.FaceLane, faces.Threshold, faces.Margin,
            Convert.ToBase64String(salt), _time.GetUtcNow(), people, faces.Liveness));
    }

    private PresenceDocument GetPresence()
    {
        lock (_lock)
        {
            return new PresenceDocument(GateWorld.Hall, _time.GetUtcNow(),
                [.. _presence.All().Select(p => new PresenceEntry(p.CredentialId, p.Movements.Inside, p.Movements.LastEntryAt, p.Movements.LastExitAt,
                    p.Movements.DayStart, p.Movements.EntriesInDay))]);
        }
    }

    private ScanUploadResponse Upload(ScanUploadRequest request, HttpContext http)
    {
        var recorded = 0;
        lock (_lock)
        {
            UploadRequests++;
            var policy = Policy.ToAccessPolicy();
            foreach (var scan in request.Scans)
            {
                _receipts.AddOrUpdate(scan.Nonce, 1, (_, n) => n + 1);
                if (!_recorded.TryAdd(scan.Nonce, scan))
                {
                    continue;
                }
                recorded++;
                if (scan.Reason.Admits() && CredentialCodec.TryDecode(scan.Code, out var credential, out _))
                {
                    var dayStart = AccessDay.Start(scan.ScannedAt, policy.TimeZone, policy.Rules.For(GateWorld.Hall).DailyReset);
                    _presence.Record(credential.CredentialId, GateWorld.Hall, scan.Direction, scan.ScannedAt, dayStart);
                }
            }
            if (_loseUploadAnswers > 0)
            {
                _loseUploadAnswers--;
                http.Abort();
            }
        }
        return new ScanUploadResponse(recorded, request.Scans.Count - recorded, 0, [], []);
    }
}
