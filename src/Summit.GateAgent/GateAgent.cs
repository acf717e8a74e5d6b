using Microsoft.Extensions.Logging;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Faces.Core;

namespace Summit.GateAgent;

/// <summary>
/// The gate agent: decides every scan locally from the last synced policy and presence, journals it durably before
/// answering, and exchanges with the server in the background (sync the policy and the zone's presence, upload the journal).
/// Start it in-process with <see cref="StartAsync"/> (tests inject the clock and the HTTP handler), or run Program as a process.
/// </summary>
public sealed class GateAgent : IAsyncDisposable
{
    public const string JournalFile = "journal.db";

    /// <summary>Frames taken for the liveness check at a gate that requires a live face (ADR 0035): about a second of a camera's frames.</summary>
    public const int LivenessBurst = 3;

    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);

    // A lane whose hold the agent cannot hear must hear again soon after the server is back: a short ceiling.
    private static readonly TimeSpan LongestHoldsBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan TolerableClockSkew = TimeSpan.FromMinutes(2);

    /// <summary>The standard checks and the face check after them, as the server's Faces module adds it (ADR 0037).</summary>
    private static readonly GatePipeline FacePipeline = new([.. GateDecision.StandardChecks, GateChecks.FaceMatches]);

    private readonly AgentOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _log;
    private readonly DeviceClient _server;
    private readonly LocalCache _cache;

    // One exchange with the server at a time: a sync never overlaps an upload, so the journal's acknowledged prefix cannot
    // move while the presence is being fetched.
    private readonly SemaphoreSlim _exchange = new(1, 1);

    // A decision, its journal record and its presence update happen under this lock, and so does every change of what
    // decisions read: the presence book is not thread-safe, and two scans of one code must not both see "outside".
    private readonly Lock _decisionLock = new();
    private GateSetup? _setup;
    private PresenceBook _presence = new();
    private DateTimeOffset? _presenceAsOf;
    private DeviceInfo? _device;
    private bool _revoked;
    private GateJournal? _journal;

    // The lane's holds as the server last told them, and whether the agent hears them now (docs/adr/0020).
    private CachedHolds? _holds;
    private bool _holdsLive;
    private bool _holdsOutageReported;

    // The face check (issue 14, ADR 0037): the synced templates (sealed), the camera, and the engine once loaded.
    private readonly IFrameSource? _frames;
    private LocalFaces? _faces;
    private IFaceReader? _faceReader;
    private string? _faceReaderProblem;
    private bool _faceSyncFailureReported;

    private volatile ExchangeHealth _health = new(null, null, null, null);
    private LocalEndpoint? _endpoint;
    private CancellationTokenSource? _stopping;
    private Task? _exchangeLoop;
    private Task? _holdsLoop;

    public GateAgent(AgentOptions options, TimeProvider time, ILoggerFactory loggers, HttpMessageHandler? serverHandler = null)
    {
        _options = options;
        _time = time;
        _loggers = loggers;
        _log = loggers.CreateLogger<GateAgent>();
        _server = new DeviceClient(options.ServerUrl, options.DeviceToken, serverHandler);
        _cache = new LocalCache(options.DataDirectory, time);
        _frames = options.FrameSource ?? (options.CameraFolder is { } folder ? new FolderFrameSource(folder) : null);
        _faceReader = options.FaceReader;
    }

    /// <summary>The local endpoint's address once started (its port is chosen by the system when configured as 0).</summary>
    public Uri? LocalAddress => _endpoint?.Address;

    /// <summary>Opens the journal, restores the last synced state, starts the local endpoint and the background exchange.
    /// Throws <see cref="LocalDataException"/> or <see cref="LocalEndpointException"/> when it cannot.</summary>
    public async Task StartAsync(CancellationToken cancellation = default)
    {
        if (_journal is not null)
        {
            throw new InvalidOperationException("The agent is already started.");
        }
        try
        {
            Directory.CreateDirectory(_options.DataDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalDataException($"The data folder {_options.DataDirectory} cannot be created: {e.Message}", e);
        }
        _log.LogInformation("Gate agent starting: {Options}", _options);
        var journal = GateJournal.Open(Path.Combine(_options.DataDirectory, JournalFile));
        lock (_decisionLock)
        {
            _journal = journal;
            RestoreFromCache();
        }
        if (_options.Listen is { } listen)
        {
            _endpoint = await LocalEndpoint.StartAsync(this, listen, _loggers, cancellation);
            _log.LogInformation("Local endpoint on {Address}: POST /scan, GET /status", _endpoint.Address);
            if (!System.Net.IPAddress.IsLoopback(listen.Address))
            {
                _log.LogWarning("The local endpoint has no authentication and listens beyond this computer on {Address}: keep it on a closed network / " +
                    "本地接口没有身份验证，且对本机以外开放：请仅在封闭网络中使用", listen);
            }
        }
        if (_options.ExchangeInBackground)
        {
            _stopping = new CancellationTokenSource();
            _exchangeLoop = Task.Run(() => RunExchangeLoopAsync(_stopping.Token), CancellationToken.None);
            _holdsLoop = Task.Run(() => RunHoldsLoopAsync(_stopping.Token), CancellationToken.None);
        }
    }

    /// <summary>Stops the exchange and the endpoint and closes the journal. Scans after this are refused.</summary>
    public async Task StopAsync()
    {
        if (_stopping is { } stopping)
        {
            await stopping.CancelAsync();
        }
        if (_exchangeLoop is { } loop)
        {
            await loop;
            _exchangeLoop = null;
        }
        if (_holdsLoop is { } holdsLoop)
        {
            await holdsLoop;
            _holdsLoop = null;
        }
        if (_endpoint is { } endpoint)
        {
            await endpoint.DisposeAsync();
            _endpoint = null;
        }
        lock (_decisionLock)
        {
            _journal?.Dispose();
            _journal = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping?.Dispose();
        _server.Dispose();
        _exchange.Dispose();
    }

    /// <summary>Decides one scan, journals it durably, records an admitted movement, and answers. Never throws for any text.</summary>
    /// <param name="code">The code as read, without the line terminator; cut to <see cref="AgentOptions.MaxCodeLength"/>. Empty at a face
    /// lane: the person passes by face (1:N among the lane's VIPs).</param>
    /// <param name="direction">The lane of a two-way gate; the gate's own direction when null.</param>
    public GateVerdict Scan(string code, GateDirection? direction = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length > AgentOptions.MaxCodeLength)
        {
            code = code[..AgentOptions.MaxCodeLength];
        }
        var now = _time.GetUtcNow();
        FaceWork work;
        lock (_decisionLock)
        {
            GateVerdict? refused = null;
            if (code.Length == 0 && FaceLaneWork(direction, now, out refused) is { } lane)
            {
                work = lane;
            }
            else if (refused is not null)
            {
                return Commit(refused, "");
            }
            else
            {
                var verdict = Decide(code, direction, now, null);
                if (FaceCheckWork(verdict) is not { } check)
                {
                    return Commit(verdict, code);
                }
                work = check;
            }
        }

        // Outside the decision lock: a frame takes tens of milliseconds to analyse, which the endpoint's status must not wait for. The
        // frame is dropped here; only its distance goes on.
        byte[]? frame = null;
        FaceDescriptor? probe = null;
        bool? live = null;
        List<FaceDescriptor> later = [];
        try
        {
            if (work.Liveness)
            {
                // A gate that requires a live face (ADR 0035): a burst, every frame analysed, judged for one face, one person and a head turn.
                var burst = work.Frames.Take(LivenessBurst);
                frame = burst.Count > 0 ? burst[0] : null;
                var analysed = burst.Select(work.Reader.Faces).ToList();
                probe = analysed.Count > 0 ? analysed[0].OrderByDescending(f => f.AlignedBox.Width * f.AlignedBox.Height).FirstOrDefault()?.Descriptor : null;
                live = FaceLiveness.Judge(analysed, new FaceLivenessOptions { SamePersonThreshold = work.Threshold }).IsLive;
                // A live burst has exactly one face a frame: at a face lane each later frame must find the same VIP.
                later = live == true ? [.. analysed.Skip(1).Select(faces => faces[0].Descriptor)] : [];
            }
            else
            {
                frame = work.Frames.Take(1) is [var first, ..] ? first : null;
                probe = frame is null ? null : work.Reader.LargestFace(frame);
            }
        }
        catch (Exception e)
        {
            // A camera or engine failure shows no face: the staff check the person (never an admission on a check not made).
            _log.LogError(e, "The face check failed; decided as no face found / 人脸核验失败，按未检测到人脸处理");
        }
        lock (_decisionLock)
        {
            if (work.Lane is { } gallery)
            {
                if (live == false)
                {
                    // A burst that showed no live head (a held-up photo of a VIP, one frame, a face swapped) is searched for nobody.
                    var notLive = new GateVerdict(Guid.NewGuid(), ReasonCode.FaceLaneNotLive, GateDirection.Entry, now, null, null, _setup?.Document.Gate.Zone, null,
                        frame is null ? AgentTexts.FaceNoFrame : null, FaceLane: true);
                    return Commit(notLive, "");
                }
                var found = probe is null ? null : gallery.Gallery.Search(probe);
                if (found is null || !found.IsClearMatch(work.Threshold, work.Margin) || !gallery.Codes.TryGetValue(found.Best, out var vipCode)
                    || later.Select(gallery.Gallery.Search).Any(s => s.Best != found.Best || s.BestDistance >= work.Threshold))
                {
                    var refused = new GateVerdict(Guid.NewGuid(), ReasonCode.FaceLaneNoMatch, GateDirection.Entry, now, null, null, _setup?.Document.Gate.Zone, null,
                        frame is null ? AgentTexts.FaceNoFrame : null, FaceLane: true);
                    return Commit(refused, "");
                }
                // Decided as the person's code would be (zones, days, revocation, anti-passback, holds), with the match as its face check.
                var byFace = Decide(vipCode, GateDirection.Entry, now, new FaceComparison(Math.Round(found.BestDistance, 4), work.Threshold));
                return Commit(byFace with
                {
                    FaceLane = true,
                    FaceLead = double.IsFinite(found.SecondDistance) ? Math.Round(found.SecondDistance - found.BestDistance, 4) : null,
                }, vipCode);
            }

            var distance = probe is null || work.Template is null ? (double?)null : Math.Round(probe.DistanceTo(work.Template), 4);
            var verdict = Decide(code, direction, now, new FaceComparison(distance, work.Threshold, live is null ? null : live.Value));
            return Commit(frame is null ? verdict with { Notice = AgentTexts.Join(verdict.Notice, AgentTexts.FaceNoFrame) } : verdict, code);
        }
    }

    /// <summary>Journals a verdict durably and records an admitted movement; under the decision lock.</summary>
    private GateVerdict Commit(GateVerdict verdict, string code)
    {
        try
        {
            (_journal ?? throw new ObjectDisposedException(nameof(GateJournal), "The agent is stopped.")).Append(verdict, code);
        }
        catch (Exception e)
        {
            _log.LogError(e, "Scan {Nonce} could not be journaled, so it is refused / 扫码无法写入日志，已拒绝通行", verdict.Nonce);
            return verdict with { Reason = ReasonCode.GateClosed, Closure = ClosureCause.JournalFailure };
        }
        if (verdict.Admitted && _setup is { } setup)
        {
            Record(_presence, setup.Policy, verdict.CredentialId!.Value, verdict.Zone!.Value, verdict.Direction, verdict.ScannedAt);
        }
        return verdict;
    }

    /// <summary>
    /// The face check an entry the code admitted needs: only when the gate has faces on and the holder has a synced template (consented
    /// and enrolled); nothing is taken from the camera or computed otherwise. Null when no check is to be made, or it cannot be (then the
    /// verdict keeps the code's, with a notice).
    /// </summary>
    private FaceWork? FaceCheckWork(GateVerdict verdict)
    {
        if (!verdict.Admitted || verdict.Direction != GateDirection.Entry || verdict.HolderId is not { } holder || CurrentFaces() is not { } faces
            || !faces.Has(holder) || _frames is null || _faceReader is null)
        {
            return null;
        }
        return new FaceWork(_frames, _faceReader, faces.TemplateOf(holder), faces.Document.Threshold, faces.Document.Margin, null, faces.Document.Liveness);
    }

    /// <summary>Why an entry that should have been face-checked was not (no camera, no engine); null when it was or needed none.</summary>
    private BilingualText? FaceNotMade(GateVerdict verdict) =>
        verdict.Admitted && verdict.Direction == GateDirection.Entry && verdict.HolderId is { } holder && CurrentFaces() is { } faces && faces.Has(holder)
            ? _frames is null ? AgentTexts.FaceNoCamera : _faceReader is null ? AgentTexts.FaceNoEngine : null
            : null;

    /// <summary>
    /// A scan without a code at a face lane: the 1:N search to make, or, when it cannot be made (faces off: the lane takes codes only; no
    /// camera; no engine), the lane's refusal to commit at once. Null when the gate is no face lane (an empty code is then a bad format).
    /// </summary>
    private FaceWork? FaceLaneWork(GateDirection? requested, DateTimeOffset now, out GateVerdict? refused)
    {
        refused = null;
        if (CurrentClosure() is not null || _setup is not { } setup || setup.Document.Gate.Resolve(requested) != GateDirection.Entry
            || _faces is not { Document.FaceLane: true } lane || lane.Document.GateId != setup.Document.Gate.Id)
        {
            return null;
        }
        var unavailable = !lane.Document.FacesOn ? (BilingualText?)null : _frames is null ? AgentTexts.FaceNoCamera : _faceReader is null ? AgentTexts.FaceNoEngine : null;
        if (!lane.Document.FacesOn || unavailable is not null)
        {
            refused = new GateVerdict(Guid.NewGuid(), ReasonCode.FaceLaneNoMatch, GateDirection.Entry, now, null, null, setup.Document.Gate.Zone, null, unavailable,
                FaceLane: true);
            return null;
        }
        return new FaceWork(_frames!, _faceReader!, null, lane.Document.Threshold, lane.Document.Margin, lane.Gallery(), lane.Document.Liveness);
    }

    /// <summary>The synced set when it is this gate's and has faces on.</summary>
    private LocalFaces? CurrentFaces() =>
        _faces is { Document.FacesOn: true } faces && _setup is { } setup && faces.Document.GateId == setup.Document.Gate.Id ? faces : null;

    /// <summary>Syncs device, policy, presence and holds now; false when the server could not be reached or refused the device.</summary>
    public Task<bool> SyncNowAsync(CancellationToken cancellation = default) => ExclusivelyAsync(SyncAsync, cancellation);

    /// <summary>Uploads every pending journal scan now, in batches.</summary>
    public Task<UploadReport> UploadNowAsync(CancellationToken cancellation = default) => ExclusivelyAsync(UploadAsync, cancellation);

    /// <summary>
    /// One holds exchange: while the agent hears the holds, asks the server to answer when they change (waiting up to
    /// <paramref name="wait"/>); otherwise asks for them now. False when the server could not be reached or refused the device.
    /// The background loop calls it again and again; tests call it themselves.
    /// </summary>
    public async Task<bool> WatchHoldsOnceAsync(TimeSpan wait, CancellationToken cancellation = default)
    {
        string? known;
        lock (_decisionLock)
        {
            known = _holdsLive ? _holds?.Holds.Tag : null;
        }
        var answer = await _server.GetHoldsAsync(known, wait, cancellation);
        switch (answer.Kind)
        {
            case AnswerKind.Ok:
                AcceptHolds(answer.Value);
                return true;
            case AnswerKind.NotModified when known is not null:
                AcceptHolds(null);
                return true;
            case AnswerKind.Unauthorized:
                MarkRevoked(answer.Error!);
                LoseHolds(answer.Error!);
                return false;
            default:
                LoseHolds(answer.Error ?? $"unexpected answer {answer.Kind}");
                return false;
        }
    }

    public AgentStatus Status()
    {
        var health = _health;
        lock (_decisionLock)
        {
            var closure = CurrentClosure();
            var (pending, total) = _journal?.Counts() ?? (0, 0);
            var message = closure is { } cause ? AgentTexts.For(cause) : (BilingualText?)null;
            return new AgentStatus(
                closure is null, closure, message?.En, message?.Zh, _device?.DeviceId, _device?.Name, _setup?.Document.Gate,
                _setup?.Document.PolicyVersion, _setup?.SyncedAt, _presenceAsOf, _presence.Count, health.Reachable == true,
                health.LastSyncAt, health.LastUploadAt, health.LastError, pending, total, ScreeningNow(), CapacityNow(), FacesNow());
        }
    }

    private async Task<T> ExclusivelyAsync<T>(Func<CancellationToken, Task<T>> exchange, CancellationToken cancellation)
    {
        await _exchange.WaitAsync(cancellation);
        try
        {
            return await exchange(cancellation);
        }
        finally
        {
            _exchange.Release();
        }
    }

    private bool IsRevoked
    {
        get
        {
            lock (_decisionLock)
            {
                return _revoked;
            }
        }
    }

    private ClosureCause? CurrentClosure() => _revoked ? ClosureCause.DeviceRevoked : _setup is null ? ClosureCause.NoPolicy : null;

    private GateVerdict Decide(string code, GateDirection? requested, DateTimeOffset now, FaceComparison? face)
    {
        var nonce = Guid.NewGuid();
        var closure = CurrentClosure();
        var gateInfo = _setup?.Document.Gate;
        var direction = gateInfo?.Resolve(requested);
        if (closure is null && direction is null)
        {
            closure = ClosureCause.LaneNotServed;
        }
        if (closure is not null || _setup is not { } setup || direction is not { } lane)
        {
            return new GateVerdict(nonce, ReasonCode.GateClosed, requested ?? GateDirection.Entry, now, null, null, gateInfo?.Zone, closure);
        }
        var gate = setup.Document.Gate.ToGate(lane) with { Held = IsHeld(setup.Document.Gate) };
        var verdict = face is null
            ? GateDecision.Decide(code, now, gate, setup.Policy, _presence)
            : FacePipeline.Decide(code, now, gate, setup.Policy, _presence, face);
        var decided = new GateVerdict(nonce, verdict.Reason, lane, now, verdict.CredentialId, verdict.HolderId, setup.Document.Gate.Zone, null,
            NoticeFor(verdict.Reason, gate, setup.Policy, now), verdict.Credential is null ? null : face?.Distance);
        return face is null && FaceNotMade(decided) is { } notMade ? decided with { Notice = AgentTexts.Join(decided.Notice, notMade) } : decided;
    }

    /// <summary>Whether the server last said this lane is held (the last state known, also while the server is out of reach).</summary>
    private bool IsHeld(GateInfo gate) => _holds?.Holds is { } holds && holds.GateId == gate.Id && holds.Held;

    /// <summary>What the staff should read beside a verdict: a hold this gate cannot know, or the approximate count behind "zone full".</summary>
    private BilingualText? NoticeFor(ReasonCode reason, Gate gate, AccessPolicy policy, DateTimeOffset now)
    {
        if (reason == ReasonCode.ZoneFull)
        {
            var rule = policy.Rules.For(gate.Zone);
            var inside = _presence.PeopleInside(gate.Zone, AccessDay.Start(now, policy.TimeZone, rule.DailyReset));
            return AgentTexts.ApproximateCount(inside, rule.MaxInside, Time(_presenceAsOf, policy));
        }
        if (_holdsLive)
        {
            return null;
        }
        if (reason == ReasonCode.ScreeningHold)
        {
            return AgentTexts.HoldLastKnown(Time(_holds?.ReceivedAt, policy) ?? "?");
        }
        // Only where a hold can come from: a lane the server said no sensor watches needs no warning.
        return reason.Admits() && gate.Direction == GateDirection.Entry && _holds?.Holds.Screened != false
            ? AgentTexts.HoldsUnknown(Time(_holds?.ReceivedAt, policy))
            : null;
    }

    /// <summary>A time as the staff at the gate read it: the event's clock, with its offset.</summary>
    private static string? Time(DateTimeOffset? at, AccessPolicy policy) => at is { } time
        ? TimeZoneInfo.ConvertTime(time, policy.TimeZone).ToString("yyyy-MM-dd HH:mm:ss 'UTC'zzz", System.Globalization.CultureInfo.InvariantCulture)
        : null;

    private ScreeningStatus ScreeningNow()
    {
        var holds = _holds?.Holds;
        var held = _setup is { } setup ? IsHeld(setup.Document.Gate) : holds?.Held == true;
        var note = _holdsLive ? (BilingualText?)null
            : _setup is { } known ? AgentTexts.HoldsUnknown(Time(_holds?.ReceivedAt, known.Policy))
            : AgentTexts.HoldsUnknown(_holds?.ReceivedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        return new ScreeningStatus(_holdsLive, holds?.Screened, held, held ? holds?.HeldSince : null, _holds?.ReceivedAt, note?.En, note?.Zh);
    }

    private CapacityStatus? CapacityNow()
    {
        if (_setup is not { } setup || setup.Policy.Rules.For(setup.Document.Gate.Zone) is not { MaxInside: > 0 } rule)
        {
            return null;
        }
        var zone = setup.Document.Gate.Zone;
        var inside = _presence.PeopleInside(zone, AccessDay.Start(_time.GetUtcNow(), setup.Policy.TimeZone, rule.DailyReset));
        var note = AgentTexts.ApproximateCount(inside, rule.MaxInside, Time(_presenceAsOf, setup.Policy));
        return new CapacityStatus(zone, rule.MaxInside, inside, Approximate: true, _presenceAsOf, note.En, note.Zh);
    }

    private FaceStatus FacesNow()
    {
        var faces = _faces is { } known && _setup is { } setup && known.Document.GateId == setup.Document.Gate.Id ? known : null;
        return new FaceStatus(faces is not null, faces?.Document.FacesOn == true, faces?.Document.FaceLane == true, faces?.Count ?? 0, faces?.FastLaneCount ?? 0,
            faces?.Cached.SyncedAt, _frames?.Description, _faceReader is not null, _faceReaderProblem);
    }

    private static void Record(PresenceBook book, AccessPolicy policy, Guid credentialId, int zone, GateDirection direction, DateTimeOffset at) =>
        book.Record(credentialId, zone, direction, at, AccessDay.Start(at, policy.TimeZone, policy.Rules.For(zone).DailyReset));

    /// <summary>The server's presence, then the gate's own admitted scans the server had not counted yet on top.</summary>
    private int RebuildPresence(PresenceDocument? server, long acknowledgedThrough, AccessPolicy policy)
    {
        var book = new PresenceBook();
        if (server is not null)
        {
            book.Load(server.Zone, server.Entries);
        }
        // Without the server's view, every movement this gate ever journaled is the best knowledge there is.
        var own = _journal!.AdmittedAfter(server is null ? 0 : acknowledgedThrough);
        foreach (var scan in own)
        {
            if (scan.CredentialId is { } credential && scan.Zone is { } zone)
            {
                Record(book, policy, credential, zone, scan.Direction, scan.ScannedAt);
            }
        }
        _presence = book;
        _presenceAsOf = server?.AsOf;
        return own.Count;
    }

    private void RestoreFromCache()
    {
        var device = _cache.Load<CachedDevice>(LocalCache.DeviceFile);
        if (device.Problem is { } deviceProblem)
        {
            _log.LogWarning("Device state: {Problem}; it is fetched again at the next sync / 设备状态文件不可用，下次同步时重新获取", deviceProblem);
        }
        _device = device.Value?.Device;
        _revoked = device.Value?.Revoked == true;
        RestoreHolds();
        if (_revoked)
        {
            _log.LogCritical("The server refused this device's token at {At}: the gate refuses every scan (GateClosed) until a sync succeeds / " +
                "服务器已于该时间拒绝本设备的令牌：在同步成功之前，闸机拒绝所有扫码", device.Value!.RevokedAt);
        }

        var policy = _cache.Load<CachedPolicy>(LocalCache.PolicyFile);
        if (policy.Value is { } cached)
        {
            if (GateSetup.TryCreate(cached.Policy, cached.SyncedAt, out var setup, out var error))
            {
                _setup = setup;
            }
            else
            {
                policy = policy with { Problem = _cache.MoveAside(LocalCache.PolicyFile, error) };
            }
        }
        if (policy.Problem is { } policyProblem)
        {
            _log.LogError("Cached policy: {Problem}. The gate refuses every scan (GateClosed) until a sync succeeds / " +
                "缓存的通行策略不可用。在同步成功之前，闸机拒绝所有扫码", policyProblem);
        }
        if (_setup is null)
        {
            _log.LogWarning("No access policy yet: every scan is refused (GateClosed) until the first sync / 尚无通行策略：首次同步前拒绝所有扫码");
            return;
        }

        RestoreFaces(_setup.Document.Gate.Id);

        var presence = _cache.Load<CachedPresence>(LocalCache.PresenceFile);
        if (presence.Problem is { } presenceProblem)
        {
            _log.LogWarning("Cached presence: {Problem}; presence is rebuilt from this gate's journal alone / 缓存的在场状态不可用，仅依据本机日志重建",
                presenceProblem);
        }
        var reapplied = RebuildPresence(presence.Value?.Presence, presence.Value?.AcknowledgedThrough ?? 0, _setup.Policy);
        _log.LogInformation(
            "Restored policy version {Version} (synced {SyncedAt}) for gate {Gate} of zone {Zone}; presence as of {AsOf} plus {Own} journaled entries of this gate",
            _setup.Document.PolicyVersion, _setup.SyncedAt, _setup.Document.Gate.Code, _setup.Document.Gate.ZoneCode,
            presence.Value?.Presence.AsOf, reapplied);
    }

    /// <summary>The face templates last synced, if they open with this device's token; otherwise deleted (a token replaced, a damaged file).</summary>
    private void RestoreFaces(Guid gateId)
    {
        var cached = _cache.Load<CachedFaces>(LocalCache.FacesFile);
        string? problem = cached.Problem;
        if (cached.Value is { } value)
        {
            if (LocalFaces.TryCreate(value, _options.DeviceToken, gateId, out var faces, out var error))
            {
                _faces = faces;
                _log.LogInformation("Restored face templates of {Count} people (synced {SyncedAt}) / 已恢复人脸模板", faces.Count, value.SyncedAt);
                PrepareFaceCheck(faces);
                return;
            }
            problem = error;
            _cache.Delete(LocalCache.FacesFile);
        }
        if (problem is not null)
        {
            // A set that does not open is of no use to anyone, and it is personal data: deleted, not kept aside.
            _log.LogWarning("Cached face templates unusable ({Problem}); deleted, the next sync brings the set again / 缓存的人脸模板不可用，已删除，下次同步时重新获取",
                problem);
        }
    }

    private void RestoreHolds()
    {
        var holds = _cache.Load<CachedHolds>(LocalCache.HoldsFile);
        if (holds.Problem is { } problem)
        {
            _log.LogWarning("Cached screening holds: {Problem}; they are asked again from the server / 缓存的体温筛查暂停状态不可用，将重新向服务器获取", problem);
        }
        _holds = holds.Value;
        if (_holds?.Holds.Held == true)
        {
            _log.LogWarning("The lane was on screening hold when last heard ({At}): entries are refused (ScreeningHold) until the server says otherwise / " +
                "上次获知时本通道处于体温筛查暂停：在服务器告知解除之前拒绝入场", _holds.ReceivedAt);
        }
    }

    /// <summary>The server answered the holds: a new document, or (null) the same state still.</summary>
    private void AcceptHolds(GateHoldsDocument? document)
    {
        var now = _time.GetUtcNow();
        GateHoldsDocument? before;
        CachedHolds? current;
        bool wasReported;
        lock (_decisionLock)
        {
            before = _holds?.Holds;
            _holds = document is not null ? new CachedHolds(now, document) : _holds is { } known ? known with { ReceivedAt = now } : null;
            current = _holds;
            _holdsLive = true;
            wasReported = _holdsOutageReported;
            _holdsOutageReported = false;
        }
        if (wasReported)
        {
            _log.LogInformation("Screening holds: in contact with the server again / 体温筛查暂停状态：已重新连接服务器");
        }
        if (document is null || current is null || before?.Tag == document.Tag)
        {
            return;
        }
        // Only a new state is written: the file keeps what a restart without the server must know.
        SaveQuietly(LocalCache.HoldsFile, current);
        if (document.Held && (before?.Held != true || before.HeldSince != document.HeldSince))
        {
            _log.LogWarning("Lane on screening hold since {Since}: entries are refused (ScreeningHold) until a security officer decides / " +
                "本通道自该时间起处于体温筛查暂停：在安保人员处理之前拒绝入场", document.HeldSince);
        }
        else if (!document.Held && before?.Held == true)
        {
            _log.LogInformation("The screening hold on this lane was lifted: entries are admitted again / 本通道的体温筛查暂停已解除：恢复放行");
        }
    }

    /// <summary>The holds cannot be heard: the lane keeps the last state it knew, and says that it cannot know more (once per outage).</summary>
    private void LoseHolds(string error)
    {
        bool report;
        bool held;
        lock (_decisionLock)
        {
            _holdsLive = false;
            report = !_holdsOutageReported;
            _holdsOutageReported = true;
            held = _holds?.Holds.Held == true;
        }
        _log.Log(report ? LogLevel.Warning : LogLevel.Debug,
            "Screening holds unknown ({Error}): a fever hold raised now cannot reach this lane; it keeps the last state it knew ({State}) / " +
            "体温筛查暂停状态未知：此时发生的暂停无法通知本通道，本通道保持最后获知的状态", error, held ? "held" : "not held");
    }

    private async Task<bool> SyncAsync(CancellationToken cancellation)
    {
        var device = await _server.GetDeviceAsync(cancellation);
        if (!Accepted(device, notModifiedIsFine: false))
        {
            return false;
        }
        AcceptDevice(device.Value!);

        long? knownVersion;
        lock (_decisionLock)
        {
            knownVersion = _setup?.Document.PolicyVersion;
        }
        var policy = await _server.GetPolicyAsync(knownVersion, cancellation);
        if (!Accepted(policy, notModifiedIsFine: knownVersion is not null) || (policy.Value is { } document && !AcceptPolicy(document)))
        {
            return false;
        }

        var acknowledgedThrough = _journal!.AcknowledgedThrough();
        var presence = await _server.GetPresenceAsync(cancellation);
        if (!Accepted(presence, notModifiedIsFine: false))
        {
            return false;
        }
        AcceptPresence(presence.Value!, acknowledgedThrough);
        await SyncFacesAsync(cancellation);
        _health = _health with { LastSyncAt = _time.GetUtcNow() };
        // The holds too, at once: the background loop follows their changes; a server without holds leaves them unknown, not the sync failed.
        await WatchHoldsOnceAsync(TimeSpan.Zero, cancellation);
        return true;
    }

    private async Task<UploadReport> UploadAsync(CancellationToken cancellation)
    {
        var report = new UploadReport(0, 0, 0, 0, [], Complete: false);
        while (true)
        {
            var batch = _journal!.Pending(_options.UploadBatchSize);
            if (batch.Count == 0)
            {
                return report with { Complete = true };
            }
            var answer = await _server.UploadAsync([.. batch.Select(s => s.ToUpload())], cancellation);
            if (!Accepted(answer, notModifiedIsFine: false))
            {
                return report;
            }
            // Only now, after the server's 2xx: an answer lost on the way means the batch is sent again, and the server
            // counts each nonce once.
            _journal.Acknowledge(batch[^1].Sequence, _time.GetUtcNow());
            var result = answer.Value!;
            report = new UploadReport(report.Sent + batch.Count, report.Recorded + result.Recorded, report.Duplicates + result.Duplicates,
                report.Late + result.Late, [.. report.Conflicts, .. result.Conflicts], Complete: false);
            _health = _health with { LastUploadAt = _time.GetUtcNow() };
            _log.LogInformation("Uploaded {Count} scans: {Recorded} recorded, {Duplicates} already known, {Late} late",
                batch.Count, result.Recorded, result.Duplicates, result.Late);
            foreach (var rejected in result.Rejected ?? [])
            {
                // The server can never record it (no nonce, a time far off): keeping it would block every scan behind it.
                _log.LogError("The server refused journal scan {Nonce} for good: {Message}", rejected.Nonce, rejected.Message);
            }
            if (result.Recorded + result.Duplicates + (result.Rejected?.Count ?? 0) != batch.Count)
            {
                _log.LogWarning("The server accounted for {Accounted} of {Count} uploaded scans", result.Recorded + result.Duplicates, batch.Count);
            }
            foreach (var conflict in result.Conflicts)
            {
                _log.LogWarning("Entry conflict {Conflict}: credential {Credential} entered zone {Zone} twice without an exit (scans {First} and {Second}); " +
                    "the operations team sees it on the server / 出入冲突：同一通行证未出场两次入场，已上报运营团队",
                    conflict.ConflictId, conflict.CredentialId, conflict.Zone, conflict.FirstScanId, conflict.SecondScanId);
            }
        }
    }

    /// <summary>
    /// The gate's face templates (ADR 0037): the whole set when it changed. A failure keeps the last set (the gate goes on checking faces
    /// offline) and does not fail the sync: a server without faces answers 404, and the gate decides without them.
    /// </summary>
    private async Task SyncFacesAsync(CancellationToken cancellation)
    {
        string? known;
        Guid? gateId;
        lock (_decisionLock)
        {
            gateId = _setup?.Document.Gate.Id;
            known = _faces is { } faces && faces.Document.GateId == gateId ? faces.Document.Tag : null;
        }
        if (gateId is not { } gate)
        {
            return;
        }
        var answer = await _server.GetFacesAsync(known, cancellation);
        switch (answer.Kind)
        {
            case AnswerKind.Ok:
                _faceSyncFailureReported = false;
                AcceptFaces(answer.Value!, gate);
                break;
            case AnswerKind.NotModified:
                _faceSyncFailureReported = false;
                break;
            case AnswerKind.Unauthorized:
                MarkRevoked(answer.Error!);
                break;
            default:
                _log.Log(_faceSyncFailureReported ? LogLevel.Debug : LogLevel.Warning,
                    "Face templates not synced ({Error}): the gate keeps the set it has / 人脸模板未能同步，闸机继续使用已有的模板", answer.Error);
                _faceSyncFailureReported = true;
                break;
        }
    }

    private void AcceptFaces(GateFacesDocument document, Guid gateId)
    {
        var cached = new CachedFaces(_time.GetUtcNow(), document);
        if (!LocalFaces.TryCreate(cached, _options.DeviceToken, gateId, out var faces, out var problem))
        {
            _log.LogError("The server sent face templates this agent cannot use ({Problem}); keeping the last set / 服务器发送的人脸模板无法使用，继续使用上一组",
                problem);
            return;
        }
        // The file first: a restart must not bring back a person the server has just taken out.
        SaveQuietly(LocalCache.FacesFile, cached);
        LocalFaces? before;
        lock (_decisionLock)
        {
            before = _faces;
            _faces = faces;
        }
        before?.Forget();
        _log.LogInformation("Face templates: {Count} people ({Lane} at the face lane); faces {On} at this gate, face lane {FaceLane} / 人脸模板已同步",
            faces.Count, faces.FastLaneCount, document.FacesOn ? "on" : "off", document.FaceLane ? "yes" : "no");
        PrepareFaceCheck(faces);
    }

    /// <summary>Loads the face engine once the gate has a face check to make, and says when it cannot (the gate then decides without faces).</summary>
    private void PrepareFaceCheck(LocalFaces faces)
    {
        if (!faces.Document.FacesOn || faces.Count == 0)
        {
            return;
        }
        if (_frames is null)
        {
            _log.LogWarning("Faces are on at this gate but the agent has no camera source (--camera-folder): it decides on the code alone, and says so on " +
                "each entry it would have checked / 本闸口已开启人脸核验，但闸机代理没有摄像头来源：仅凭通行码判定，并在每次应核验的入场时提示");
            return;
        }
        if (_faceReader is not null || _faceReaderProblem is not null)
        {
            return;
        }
        var reader = EngineFaceReader.TryLoad(out var problem);
        lock (_decisionLock)
        {
            _faceReader = reader;
            _faceReaderProblem = problem;
        }
        if (reader is null)
        {
            _log.LogError("The face engine cannot be loaded ({Problem}): this gate decides without faces (the code and the operator's photo check) / " +
                "人脸识别引擎无法加载：本闸口不进行人脸核验（凭通行码及操作员核对照片）", problem);
        }
        else
        {
            _log.LogInformation("Face engine loaded; camera: {Camera} / 人脸识别引擎已加载", _frames.Description);
        }
    }

    /// <summary>Deletes the face templates from memory and disk (the device was revoked): nobody's template stays on a device the server refuses.</summary>
    private void DropFaces(string why)
    {
        LocalFaces? before;
        lock (_decisionLock)
        {
            before = _faces;
            _faces = null;
        }
        before?.Forget();
        if (before is not null || File.Exists(_cache.PathOf(LocalCache.FacesFile)))
        {
            var deleted = _cache.Delete(LocalCache.FacesFile);
            _log.LogWarning("Face templates deleted ({Why}){Failure} / 人脸模板已删除", why, deleted ? "" : $"; {LocalCache.FacesFile} could not be deleted");
        }
    }

    /// <summary>Whether an answer can be used; a refused token closes the gate, a failure is reported once per outage.</summary>
    private bool Accepted<T>(ServerAnswer<T> answer, bool notModifiedIsFine) where T : class
    {
        switch (answer.Kind)
        {
            case AnswerKind.Ok:
            case AnswerKind.NotModified when notModifiedIsFine:
                if (_health.Reachable != true)
                {
                    _log.LogInformation("In contact with the server {Server} / 已连接服务器", _options.ServerUrl);
                }
                _health = _health with { Reachable = true, LastError = null };
                return true;
            case AnswerKind.Unauthorized:
                MarkRevoked(answer.Error!);
                return false;
            default:
                var error = answer.Error ?? $"unexpected answer {answer.Kind}";
                // Once per outage: a gate offline for hours must not fill its log with the same news every few seconds.
                _log.Log(_health.Reachable == false ? LogLevel.Debug : LogLevel.Warning,
                    "Server exchange failed: {Error}. The gate keeps deciding offline and retries / 与服务器通信失败，闸机继续离线判定并重试", error);
                _health = _health with { Reachable = false, LastError = error };
                return false;
        }
    }

    private void MarkRevoked(string error)
    {
        bool wasRevoked;
        CachedDevice state;
        lock (_decisionLock)
        {
            wasRevoked = _revoked;
            _revoked = true;
            state = new CachedDevice(_device, true, _time.GetUtcNow());
        }
        _health = _health with { Reachable = true, LastError = error };
        if (!wasRevoked)
        {
            _log.LogCritical("The server refused this device's token ({Error}): the device was revoked or its token replaced. The gate refuses every scan " +
                "(GateClosed) until a sync succeeds with a valid token / 服务器拒绝了本设备的令牌：设备已被吊销或令牌已更换。在使用有效令牌同步成功之前，闸机拒绝所有扫码",
                error);
            SaveQuietly(LocalCache.DeviceFile, state);
        }
        DropFaces("the server refused this device's token");
    }

    private void AcceptDevice(DeviceInfo device)
    {
        bool wasRevoked;
        bool changed;
        lock (_decisionLock)
        {
            wasRevoked = _revoked;
            changed = wasRevoked || _device is null || _device with { ServerTime = default } != device with { ServerTime = default };
            _revoked = false;
            _device = device;
        }
        if (wasRevoked)
        {
            _log.LogWarning("The server accepts this device's token again: the gate decides again / 服务器重新接受本设备的令牌：闸机恢复判定");
        }
        if (changed)
        {
            _log.LogInformation("Device {Name} ({Device}) at gate {Gate} of zone {Zone}", device.Name, device.DeviceId, device.Gate.Code, device.Gate.ZoneCode);
            SaveQuietly(LocalCache.DeviceFile, new CachedDevice(device, false, null));
        }
        var skew = _time.GetUtcNow() - device.ServerTime;
        if (skew.Duration() > TolerableClockSkew)
        {
            _log.LogWarning("This computer's clock differs from the server's by {Skew}: validity windows and anti-passback use the local clock / " +
                "本机时钟与服务器相差较大：有效期与防回传依据本机时钟", skew);
        }
    }

    private bool AcceptPolicy(GatePolicyDocument document)
    {
        var now = _time.GetUtcNow();
        if (!GateSetup.TryCreate(document, now, out var setup, out var error))
        {
            _log.LogError("The server sent policy version {Version} that this agent cannot use ({Error}); keeping the last good one / " +
                "服务器发送的通行策略无法使用，继续使用上一版本", document.PolicyVersion, error);
            _health = _health with { LastError = error };
            return false;
        }
        SaveQuietly(LocalCache.PolicyFile, new CachedPolicy(now, document));
        lock (_decisionLock)
        {
            _setup = setup;
        }
        var gate = document.Gate;
        _log.LogInformation("Policy version {Version}: gate {Gate} ({Directions}) of zone {Zone}, {Keys} keys, {Revoked} revoked credentials, {Blocked} blocked persons",
            document.PolicyVersion, gate.Code, gate.Directions, gate.ZoneCode, document.Keys.Count, document.RevokedCredentials.Count, document.BlockedHolders.Count);
        if (!gate.IsOpen)
        {
            _log.LogWarning("Gate {Gate} is closed by the operations team: every scan is refused / 通道已被运营团队关闭：拒绝所有扫码", gate.Code);
        }
        return true;
    }

    private void AcceptPresence(PresenceDocument presence, long acknowledgedThrough)
    {
        SaveQuietly(LocalCache.PresenceFile, new CachedPresence(acknowledgedThrough, presence));
        lock (_decisionLock)
        {
            if (_setup is { } setup)
            {
                if (presence.Zone != setup.Document.Gate.Zone)
                {
                    _log.LogWarning("The server sent the presence of zone {Zone}, but this gate is in zone {GateZone}", presence.Zone, setup.Document.Gate.Zone);
                }
                RebuildPresence(presence, acknowledgedThrough, setup.Policy);
            }
        }
    }

    /// <summary>A cache file that cannot be written costs only a cold start's knowledge: report it, keep the gate running.</summary>
    private void SaveQuietly<T>(string file, T value)
    {
        try
        {
            _cache.Save(file, value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.LogError(e, "Cannot write {File}: a restart while the server is down would not know this state / 无法写入缓存文件", _cache.PathOf(file));
        }
    }

    private async Task RunExchangeLoopAsync(CancellationToken stopping)
    {
        var nextSync = DateTimeOffset.MinValue;
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            var ok = false;
            try
            {
                var synced = true;
                if (_time.GetUtcNow() >= nextSync)
                {
                    synced = await SyncNowAsync(stopping);
                    if (synced)
                    {
                        nextSync = _time.GetUtcNow() + _options.SyncInterval;
                    }
                }
                // A revoked device cannot upload; its journal waits for a valid token.
                var uploaded = IsRevoked || (await UploadNowAsync(stopping)).Complete;
                ok = synced && uploaded;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _log.LogError(e, "Server exchange failed unexpectedly; retrying / 与服务器通信意外失败，将重试");
            }
            failures = ok ? 0 : failures + 1;
            try
            {
                await Task.Delay(ok ? _options.UploadInterval : Backoff(failures), _time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task RunHoldsLoopAsync(CancellationToken stopping)
    {
        var failures = 0;
        while (!stopping.IsCancellationRequested)
        {
            var ok = false;
            try
            {
                ok = await WatchHoldsOnceAsync(_options.HoldsWait, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _log.LogError(e, "Watching the screening holds failed unexpectedly; retrying / 获取体温筛查暂停状态意外失败，将重试");
                LoseHolds(e.Message);
            }
            if (ok)
            {
                failures = 0;
                continue;
            }
            failures++;
            try
            {
                var backoff = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(failures - 1, 10)), LongestHoldsBackoff.TotalSeconds));
                await Task.Delay(backoff, _time, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>1, 2, 4... seconds after consecutive failures, at most <see cref="LongestBackoff"/>, never under the upload interval.</summary>
    private TimeSpan Backoff(int failures)
    {
        var exponential = TimeSpan.FromSeconds(Math.Pow(2, Math.Min(failures - 1, 10)));
        return TimeSpan.FromTicks(Math.Clamp(exponential.Ticks, _options.UploadInterval.Ticks, Math.Max(LongestBackoff.Ticks, _options.UploadInterval.Ticks)));
    }

    /// <summary>A face check to make outside the decision lock: 1:1 against <paramref name="Template"/>, or 1:N in <paramref name="Lane"/>.</summary>
    private sealed record FaceWork(IFrameSource Frames, IFaceReader Reader, FaceDescriptor? Template, double Threshold, double Margin, FaceLaneGallery? Lane,
        bool Liveness = false);

    private sealed record ExchangeHealth(bool? Reachable, DateTimeOffset? LastSyncAt, DateTimeOffset? LastUploadAt, string? LastError);
}
