using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Domain;
using Summit.Server.Access.Policy;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Access.Scanning;

/// <summary>
/// Decides and records scans, in batches. Everything a batch reads and writes is one transaction that holds the presence rows
/// of its credentials (SELECT ... FOR UPDATE on PostgreSQL, the database write lock on SQLite), so anti-passback holds however
/// many gates scan the same code at once, and across server processes. Batching makes one commit serve every scan that arrived
/// meanwhile: under load, dozens of scans per round trip. On PostgreSQL two batches run at once (one waits on the database
/// while the other computes), as two server processes would; SQLite has one writer, so one batch at a time.
/// </summary>
public sealed class ScanProcessor : BackgroundService
{
    public const int MaxCodeLength = 512;
    private const int MaxBatch = 256;
    private const int Attempts = 4;

    private readonly Channel<Pending[]> _queue = Channel.CreateUnbounded<Pending[]>();
    private readonly int _writers;
    private readonly IServiceScopeFactory _scopes;
    private readonly AccessSnapshotCache _cache;
    private readonly AccessLiveFeed _feed;
    private readonly TimeProvider _clock;
    private readonly ILogger<ScanProcessor> _logger;

    public ScanProcessor(IServiceScopeFactory scopes, AccessSnapshotCache cache, AccessLiveFeed feed, TimeProvider clock, DatabaseSettings database,
        ILogger<ScanProcessor> logger)
    {
        _writers = database.Provider == DatabaseProvider.Postgres ? 2 : 1;
        _scopes = scopes;
        _cache = cache;
        _feed = feed;
        _clock = clock;
        _logger = logger;
    }

    public async Task<ScanOutcome> SubmitAsync(ScanWork work, CancellationToken ct = default) => (await SubmitManyAsync([work], ct))[0];

    /// <summary>
    /// Queues scans and completes when they are committed. The scans of one call stay together in one batch, in their order:
    /// an upload is a gate's journal, to be applied as it happened.
    /// </summary>
    public async Task<IReadOnlyList<ScanOutcome>> SubmitManyAsync(IReadOnlyList<ScanWork> works, CancellationToken ct = default)
    {
        // Signatures are checked here, on the caller's thread, against the policy last read: the batch only checks again when
        // the policy changed meanwhile. This keeps the costliest CPU work off the batch's path.
        var latest = _cache.Latest;
        var receivedAt = _clock.GetUtcNow();
        var pending = works.Select(w => new Pending(w, receivedAt, latest is null ? null : new CheckedCode(latest, Identify(w, latest)))).ToArray();
        await _queue.Writer.WriteAsync(pending, ct);

        var outcomes = new ScanOutcome[pending.Length];
        for (var i = 0; i < pending.Length; i++)
        {
            outcomes[i] = await pending[i].Completion.Task.WaitAsync(ct);
        }

        return outcomes;
    }

    /// <summary>
    /// Decides and records scans made before this process ran, each as if received at its own time, in the order given and
    /// without the queue (the hosted loop need not run): the demo's morning at the gates. Live scans use <see cref="SubmitManyAsync"/>.
    /// </summary>
    internal async Task<IReadOnlyList<ScanOutcome>> RecordPastAsync(IReadOnlyList<(ScanWork Work, DateTimeOffset ReceivedAt)> scans,
        CancellationToken ct = default)
    {
        var outcomes = new List<ScanOutcome>(scans.Count);
        foreach (var batch in scans.Chunk(MaxBatch))
        {
            var settled = await ProcessWithRetriesAsync([.. batch.Select(s => new Pending(s.Work, s.ReceivedAt, null))], ct);
            outcomes.AddRange(settled.Select(s => s.Outcome ?? throw s.Refusal!));
        }

        return outcomes;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, _writers).Select(_ => WriteBatchesAsync(stoppingToken)));

    private async Task WriteBatchesAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            // Whole calls only: a batch may pass MaxBatch by the size of one upload.
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var call))
            {
                batch.AddRange(call);
            }

            if (batch.Count == 0)
            {
                // The other writer took what woke this one.
                continue;
            }

            try
            {
                var settled = await ProcessWithRetriesAsync(batch, stoppingToken);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (settled[i].Refusal is { } refusal)
                    {
                        batch[i].Completion.TrySetException(refusal);
                    }
                    else
                    {
                        batch[i].Completion.TrySetResult(settled[i].Outcome!);
                    }
                }

                _feed.Publish(settled.Select(s => s.Outcome).OfType<ScanOutcome>().Where(o => !o.Duplicate).ToList());
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                _logger.LogError(ex, "A batch of {Count} scans could not be recorded", batch.Count);
                foreach (var item in batch)
                {
                    item.Completion.TrySetException(ex);
                }
            }
        }
    }

    private async Task<List<Settled>> ProcessWithRetriesAsync(List<Pending> batch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ProcessAsync(batch, ct);
            }
            catch (Exception ex) when (attempt < Attempts && IsConcurrentWrite(ex))
            {
                // Another batch or server process inserted the same presence row or nonce meanwhile: read again and decide again.
                _logger.LogInformation(ex, "Scan batch retried after a concurrent write (attempt {Attempt})", attempt);
            }
        }
    }

    /// <summary>
    /// A lost insert race (unique key: through the change tracker a <see cref="DbUpdateException"/>, from <see cref="ScanWrites"/>
    /// PostgreSQL's own error), or PostgreSQL ending one of two transactions that waited on each other.
    /// </summary>
    private static bool IsConcurrentWrite(Exception ex) =>
        ex is DbUpdateException || ex is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure,
        };

    private async Task<List<Settled>> ProcessAsync(List<Pending> batch, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        provider.GetRequiredService<CurrentActor>().Use(new Actor(null, "gates", null));
        var db = provider.GetRequiredService<SummitDbContext>();
        var guests = provider.GetRequiredService<IGuestDirectory>();
        // SaveChanges would set a savepoint first, to undo only itself on failure: a failed batch is rolled back and retried whole,
        // so the savepoint is a round trip for nothing.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var snapshot = await _cache.GetAsync(db, guests, provider.GetRequiredService<AccessSettingsService>(), ct);

        var identities = batch.Select(p => p.Checked is { } done && ReferenceEquals(done.Snapshot, snapshot) ? done.Identity : Identify(p.Work, snapshot)).ToList();
        var credentialIds = identities.Where(i => i is { Genuine: true }).Select(i => i!.Value.Payload.CredentialId).Distinct().ToList();
        var known = await LoadKnownAsync(db, batch, ct);
        var knownByKey = known.ToDictionary(s => (s.Scanner, s.Nonce));

        var presenceRows = await LoadPresenceForUpdateAsync(db, credentialIds, ct);
        var book = new PresenceBook();
        foreach (var row in presenceRows.Values)
        {
            book.Set(row.CredentialId, row.Zone, new ZoneMovements(row.Inside, row.LastEntryAt, row.LastExitAt, row.DayStart, row.EntriesInDay));
        }

        await CountHardCapacityZonesAsync(db, batch, snapshot, credentialIds, book, ct);

        var conflictCheck = await ConflictCheck.LoadAsync(db, batch.Select(p => p.Work), identities, ct);
        var held = await HeldGatesAsync(provider, db, batch, ct);
        var holderIds = identities.Where(i => i is { Genuine: true }).Select(i => i!.Value.Payload.HolderId).Distinct().ToList();
        var cards = (await guests.GetCardsAsync(holderIds, ct)).ToDictionary(c => c.Id);

        var outcomes = new List<Settled>(batch.Count);
        var recorded = new List<Scan>(batch.Count);
        var moved = new Dictionary<(Guid, int), (ZonePresence Row, bool IsNew)>();
        var arrivals = new HashSet<Guid>();
        var conflicts = new List<(EntryConflict Conflict, GateInfo Gate)>();
        var disputes = new List<(Scan Scan, GateInfo Gate)>();
        for (var i = 0; i < batch.Count; i++)
        {
            var (work, receivedAt) = (batch[i].Work, batch[i].ReceivedAt);
            if (knownByKey.TryGetValue((work.Scanner, work.Nonce), out var first))
            {
                outcomes.Add(new Settled(Outcome(first, duplicate: true, cards, snapshot, null), null));
                continue;
            }

            var (gate, refusal) = CurrentGate(work, snapshot);
            if (refusal is not null)
            {
                outcomes.Add(new Settled(null, refusal));
                continue;
            }

            var scan = Decide(work, gate!, receivedAt, identities[i], snapshot, book, held.Contains(gate!.Id));
            recorded.Add(scan);
            knownByKey[(work.Scanner, work.Nonce)] = scan;
            if (scan.DeviceReason is { } claimed && claimed != scan.Reason)
            {
                disputes.Add((scan, gate));
            }

            EntryConflict? conflict = null;
            if (scan.Admitted && scan.CredentialId is { } credentialId)
            {
                var rule = snapshot.Policy.Rules.For(scan.Zone);
                var dayStart = AccessDay.Start(scan.ScannedAt, snapshot.TimeZone, rule.DailyReset);
                if (work.AgentReason is not null && scan.Direction == GateDirection.Entry)
                {
                    conflict = conflictCheck.Find(scan, rule, dayStart);
                    if (conflict is not null)
                    {
                        db.EntryConflicts.Add(conflict);
                        conflicts.Add((conflict, gate!));
                    }
                }

                conflictCheck.Add(scan);
                var movements = book.Record(credentialId, scan.Zone, scan.Direction, scan.ScannedAt, dayStart);
                StorePresence(presenceRows, moved, scan, movements, snapshot.EventId, receivedAt);
                if (scan.Direction == GateDirection.Entry && scan.GuestId is { } guestId && cards.TryGetValue(guestId, out var card)
                    && card.Status == GuestStatus.Accredited)
                {
                    arrivals.Add(guestId);
                }
            }

            outcomes.Add(new Settled(Outcome(scan, duplicate: false, cards, snapshot, conflict), null));
        }

        await ScanWrites.WriteAsync(db, recorded, moved.Values, ct);
        if (arrivals.Count > 0)
        {
            await guests.MarkArrivedAsync(arrivals, ct);
        }

        if (conflicts.Count > 0 || disputes.Count > 0)
        {
            // In this batch's transaction: the incident exists exactly when the conflict or the disputed scan does.
            var reporter = provider.GetRequiredService<IIncidentReporter>();
            foreach (var (conflict, gate) in conflicts)
            {
                await reporter.ReportAsync(DoubleEntryReport(conflict, gate, snapshot), ct);
            }

            var localizer = provider.GetRequiredService<Localizer>();
            foreach (var (scan, gate) in disputes)
            {
                await reporter.ReportAsync(DisputedUploadReport(scan, gate, snapshot, localizer), ct);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return outcomes;
    }

    /// <summary>
    /// The scan's gate as this batch's snapshot has it. The endpoint may have resolved the gate from an older snapshot (it reads
    /// none of its own for an online scan): whether the gate is open, still exists and allows the direction is decided here.
    /// </summary>
    private static (GateInfo? Gate, SummitException? Refusal) CurrentGate(ScanWork work, AccessSnapshot snapshot)
    {
        if (!snapshot.Gates.TryGetValue(work.Gate.Id, out var gate))
        {
            return (null, new SummitException(work.DeviceId is null ? SummitError.NotFound(AccessErrors.GateNotFound, work.Gate.Id)
                : SummitError.Conflict(AccessErrors.DeviceGateUnknown)));
        }

        // A device's journal says which way the person went, whatever the lane allows now.
        return work.AgentReason is null && gate.Resolve(work.Direction) != work.Direction
            ? (null, new SummitException(SummitError.Of(AccessErrors.ScanDirectionNotAllowed, work.Direction, gate.Code)))
            : (gate, null);
    }

    private static Scan Decide(ScanWork work, GateInfo gate, DateTimeOffset receivedAt, Identity? identity, AccessSnapshot snapshot, PresenceBook book,
        bool gateHeld)
    {
        ReasonCode reason;
        DateTimeOffset scannedAt;
        if (work.AgentReason is { } decided)
        {
            // The agent decided offline with what it knew: its verdict is what happened at the gate, unless it admitted what the
            // server's own check refuses. Then the server's reason is recorded (the agent's claim beside it), and nobody moves.
            scannedAt = (work.ScannedAt ?? receivedAt).ToUniversalTime();
            reason = decided.Admits() && UploadReview.Check(identity?.Payload, identity?.Signature ?? SignatureCheck.BadSignature, gate, work.Direction, scannedAt,
                snapshot) is var found && !found.Admits() ? found : decided;
        }
        else
        {
            // Online, the server's clock decides: a device clock may be wrong, and a code must not be valid by a device's say.
            scannedAt = receivedAt;
            reason = identity is not { } id ? ReasonCode.BadFormat
                : id.Signature != SignatureCheck.Valid ? GatePipeline.ReasonOf(id.Signature)
                : GateDecision.Standard.Check(id.Payload, receivedAt, gate.ToGate(work.Direction) with { Held = gateHeld }, snapshot.Policy, book).Reason;
        }

        // A code names a person only once its signature is genuine: forged or altered codes are recorded without identity.
        var genuine = identity is { Signature: SignatureCheck.Valid or SignatureCheck.RetiredKey } known && known.Payload.EventId == snapshot.EventNumber
            ? identity
            : null;
        return new Scan
        {
            EventId = snapshot.EventId,
            Scanner = work.Scanner,
            Nonce = work.Nonce,
            DeviceId = work.DeviceId,
            GateId = gate.Id,
            Zone = gate.Zone,
            Direction = work.Direction,
            Source = work.Source,
            CredentialId = genuine?.Payload.CredentialId,
            GuestId = genuine?.Payload.HolderId,
            Reason = reason,
            Admitted = reason.Admits() && genuine is not null,
            DeviceReason = work.AgentReason,
            ScannedAt = scannedAt,
            ReceivedAt = receivedAt,
            Late = work.AgentReason is not null && receivedAt - scannedAt > TimeSpan.FromSeconds(snapshot.LateAfterSeconds),
        };
    }

    /// <summary>The gates of this batch's server-decided scans that a module holds (screening); one query per batch, none without holds.</summary>
    private static async Task<IReadOnlySet<Guid>> HeldGatesAsync(IServiceProvider provider, SummitDbContext db, List<Pending> batch, CancellationToken ct)
    {
        var gateIds = batch.Where(p => p.Work.AgentReason is null).Select(p => p.Work.Gate.Id).Distinct().ToList();
        if (gateIds.Count == 0)
        {
            return new HashSet<Guid>();
        }

        var held = new HashSet<Guid>();
        foreach (var holds in provider.GetServices<IGateHolds>())
        {
            held.UnionWith(await holds.HeldAmongAsync(db, gateIds, ct));
        }

        return held;
    }

    /// <summary>
    /// For each zone with a hard capacity that this batch's online entries go into: locks the zone on PostgreSQL (SQLite's write lock
    /// already serializes batches), so that batches deciding entries into it, in this process or another, count one after the
    /// other; then tells the book how many people are inside besides the batch's own credentials, whose rows it holds.
    /// </summary>
    private static async Task CountHardCapacityZonesAsync(SummitDbContext db, List<Pending> batch, AccessSnapshot snapshot, List<Guid> credentialIds,
        PresenceBook book, CancellationToken ct)
    {
        var zones = batch.Where(p => p.Work.AgentReason is null && p.Work.Direction == GateDirection.Entry)
            .Select(p => snapshot.Gates.TryGetValue(p.Work.Gate.Id, out var gate) ? gate.Zone : p.Work.Gate.Zone)
            .Where(zone => snapshot.Policy.Rules.For(zone).MaxInside > 0).Distinct().Order().ToArray();
        if (zones.Length == 0)
        {
            return;
        }

        if (db.Database.IsNpgsql())
        {
            // After the presence rows and in number order, as every batch locks: batches queue here instead of deadlocking. The count
            // below is a new statement, so it sees every entry the batch that held the lock before us committed.
            await db.Database.ExecuteSqlAsync(
                $"SELECT 1 FROM \"Zones\" WHERE \"EventId\" = {snapshot.EventId} AND \"Number\" = ANY({zones}) ORDER BY \"Number\" FOR NO KEY UPDATE", ct);
        }

        // The batch's scans are decided at their receipt times (the demo records past ones): count as of the first of them.
        var now = batch.Min(p => p.ReceivedAt);
        foreach (var zone in zones)
        {
            // As the dashboard counts: people, not credentials, inside since the zone's daily reset.
            var dayStart = AccessDay.Start(now, snapshot.TimeZone, snapshot.Policy.Rules.For(zone).DailyReset);
            var inside = await db.ZonePresence.AsNoTracking()
                .Where(p => p.EventId == snapshot.EventId && p.Zone == zone && p.Inside && p.DayStart >= dayStart && !credentialIds.Contains(p.CredentialId))
                .Select(p => p.GuestId).Distinct().CountAsync(ct);
            book.SetInsideElsewhere(zone, inside);
        }
    }

    /// <summary>Decodes a code and verifies its signature once; null when it does not decode.</summary>
    private static Identity? Identify(ScanWork work, AccessSnapshot snapshot)
    {
        if (work.Code.Length > MaxCodeLength)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[CredentialCodec.BinaryLength];
        return CredentialCodec.TryDecode(work.Code, bytes, out var payload, out _)
            ? new Identity(payload, CredentialCodec.Verify(bytes, payload.KeyId, snapshot.Policy.Keys))
            : null;
    }

    /// <summary>
    /// The scans of this batch already recorded (a device sent the same nonce again), looked up by the unique (Scanner, Nonce)
    /// index. A nonce alone has no index: filtering on it read the whole table once per batch, slower with every scan recorded.
    /// </summary>
    private static async Task<List<Scan>> LoadKnownAsync(SummitDbContext db, List<Pending> batch, CancellationToken ct)
    {
        var keys = batch.Select(p => (p.Work.Scanner, p.Work.Nonce)).Distinct().ToList();
        if (db.Database.IsNpgsql())
        {
            // PostgreSQL would read every row for "Scanner = ANY(...) AND Nonce = ANY(...)"; joined to the pairs, it probes the index.
            var scanners = keys.Select(k => k.Scanner).ToArray();
            var nonces = keys.Select(k => k.Nonce).ToArray();
            return await db.Scans.FromSql($"SELECT s.* FROM \"Scans\" s JOIN unnest({scanners}, {nonces}) AS k(scanner, nonce) ON s.\"Scanner\" = k.scanner AND s.\"Nonce\" = k.nonce")
                .AsNoTracking().ToListAsync(ct);
        }

        // SQLite searches the index with both lists; the few pairs that are not the batch's are dropped by the caller's lookup.
        var scannerList = keys.Select(k => k.Scanner).Distinct().ToList();
        var nonceList = keys.Select(k => k.Nonce).ToList();
        return await db.Scans.AsNoTracking().Where(s => scannerList.Contains(s.Scanner) && nonceList.Contains(s.Nonce)).ToListAsync(ct);
    }

    private static async Task<Dictionary<(Guid, int), ZonePresence>> LoadPresenceForUpdateAsync(SummitDbContext db, List<Guid> credentialIds,
        CancellationToken ct)
    {
        if (credentialIds.Count == 0)
        {
            return [];
        }

        var rows = db.Database.IsNpgsql()
            // In key order, so that two batches locking some of the same rows queue behind each other instead of deadlocking.
            ? await db.ZonePresence.FromSql($"SELECT * FROM \"ZonePresence\" WHERE \"CredentialId\" = ANY({credentialIds.ToArray()}) ORDER BY \"CredentialId\", \"Zone\" FOR UPDATE").AsNoTracking().ToListAsync(ct)
            : await db.ZonePresence.AsNoTracking().Where(p => credentialIds.Contains(p.CredentialId)).ToListAsync(ct);
        return rows.ToDictionary(r => (r.CredentialId, r.Zone));
    }

    /// <summary>Moves a credential's presence row in memory and notes it in <paramref name="moved"/>, to be written with the batch.</summary>
    private static void StorePresence(Dictionary<(Guid, int), ZonePresence> rows, Dictionary<(Guid, int), (ZonePresence Row, bool IsNew)> moved,
        Scan scan, ZoneMovements movements, Guid eventId, DateTimeOffset now)
    {
        var key = (scan.CredentialId!.Value, scan.Zone);
        if (!rows.TryGetValue(key, out var row))
        {
            row = new ZonePresence { CredentialId = key.Item1, Zone = scan.Zone, EventId = eventId, GuestId = scan.GuestId!.Value };
            rows[key] = row;
            moved[key] = (row, true);
        }
        else
        {
            moved.TryAdd(key, (row, false));
        }

        row.Inside = movements.Inside;
        row.LastEntryAt = movements.LastEntryAt;
        row.LastExitAt = movements.LastExitAt;
        row.DayStart = movements.DayStart;
        row.EntriesInDay = movements.EntriesInDay;
        row.UpdatedAt = now;
    }

    /// <summary>An offline double entry as an incident of the zone: one open incident per zone gathers every such entry.</summary>
    private static AutomaticIncidentReport DoubleEntryReport(EntryConflict conflict, GateInfo gate, AccessSnapshot snapshot)
    {
        var zone = snapshot.Zones.GetValueOrDefault(conflict.Zone);
        var zoneCode = zone?.Code ?? conflict.Zone.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var credential = conflict.CredentialId.ToString("N")[^8..];
        return new AutomaticIncidentReport(Infrastructure.Incidents.IncidentType.Security, IncidentSeverity.Medium, "access.double-entry",
            zone is not null ? new IncidentPlace(ZoneId: zone.Id) : new IncidentPlace(GateId: gate.Id),
            $"Double entries into zone {zoneCode}", $"区域 {zoneCode} 重复入场",
            new IncidentEvidence("entry-conflict", conflict.Id.ToString(),
                $"Credential …{credential} entered zone {zoneCode} twice without leaving; found when gate {gate.Code} synced.",
                $"凭证 …{credential} 未离开即两次进入区域 {zoneCode}；闸机 {gate.Code} 同步时发现。"));
    }

    /// <summary>
    /// A gate agent's admission the server does not confirm, as an incident of the gate: a forged code, a lane the gate does not
    /// have, a code the policy does not open. One open incident per gate gathers every such scan; the scan itself is listed with
    /// the agent's claim on Live access.
    /// </summary>
    private static AutomaticIncidentReport DisputedUploadReport(Scan scan, GateInfo gate, AccessSnapshot snapshot, Localizer localizer)
    {
        var zone = snapshot.Zones.GetValueOrDefault(scan.Zone)?.Code ?? scan.Zone.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var at = scan.ScannedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        string Verdict(string language, ReasonCode reason) => ScanResponses.Message(localizer, language, reason);
        return new AutomaticIncidentReport(Infrastructure.Incidents.IncidentType.Security, IncidentSeverity.High, "access.upload-disputed",
            new IncidentPlace(GateId: gate.Id),
            $"Disputed offline scans at gate {gate.Code}", $"闸机 {gate.Code} 的离线扫码存疑",
            new IncidentEvidence("scan", scan.Id.ToString(),
                $"Gate {gate.Code} ({zone}) uploaded an {scan.Direction.ToString().ToLowerInvariant()} at {at} as \"{Verdict(Localizer.English, scan.DeviceReason!.Value)}\"; "
                + $"Summit finds: {Verdict(Localizer.English, scan.Reason)}.",
                $"闸机 {gate.Code}（{zone}）上传了 {at} 的{(scan.Direction == GateDirection.Entry ? "入场" : "出场")}扫码，记为“{Verdict(Localizer.Chinese, scan.DeviceReason!.Value)}”；"
                + $"系统核查结果：{Verdict(Localizer.Chinese, scan.Reason)}。"));
    }

    private static ScanOutcome Outcome(Scan scan, bool duplicate, Dictionary<Guid, GuestCard> cards, AccessSnapshot snapshot, EntryConflict? conflict)
    {
        var holder = scan.GuestId is { } id ? cards.GetValueOrDefault(id) : null;
        var category = holder is null ? null : snapshot.CategoriesByNumber.Values.FirstOrDefault(c => c.Id == holder.CategoryId);
        return new ScanOutcome(scan, duplicate, holder, category, conflict);
    }

    private readonly record struct Identity(CredentialPayload Payload, SignatureCheck Signature)
    {
        public bool Genuine => Signature is SignatureCheck.Valid or SignatureCheck.RetiredKey;
    }

    /// <summary>What became of one scan of a batch: an outcome, or a refusal to pass to its caller.</summary>
    private readonly record struct Settled(ScanOutcome? Outcome, SummitException? Refusal);

    /// <summary>A code's signature as checked against one policy snapshot: valid for the batch only if it reads the same snapshot.</summary>
    private sealed record CheckedCode(AccessSnapshot Snapshot, Identity? Identity);

    private sealed record Pending(ScanWork Work, DateTimeOffset ReceivedAt, CheckedCode? Checked)
    {
        public TaskCompletionSource<ScanOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// Finds, for entries decided offline, an admitted entry of the same credential into the same zone with no exit between
    /// the two: both gates let the person in, which anti-passback should have prevented. Reads the day's movements once per batch.
    /// </summary>
    private sealed class ConflictCheck
    {
        private readonly Dictionary<(Guid Credential, int Zone), List<Scan>>? _movements;

        /// <param name="movements">The day's admitted movements of the uploaded credentials; null when the batch holds no upload.</param>
        private ConflictCheck(Dictionary<(Guid, int), List<Scan>>? movements)
        {
            _movements = movements;
        }

        public static async Task<ConflictCheck> LoadAsync(SummitDbContext db, IEnumerable<ScanWork> works, List<Identity?> identities,
            CancellationToken ct)
        {
            var uploaded = works.Zip(identities).Where(p => p.First.AgentReason is { } r && r.Admits() && p.Second is { Genuine: true }).ToList();
            if (uploaded.Count == 0)
            {
                return new ConflictCheck(null);
            }

            var credentialIds = uploaded.Select(p => p.Second!.Value.Payload.CredentialId).Distinct().ToList();
            // An access day is at most a day long: a day before the earliest upload covers every movement that can pair with it.
            var since = uploaded.Min(p => p.First.ScannedAt ?? DateTimeOffset.MaxValue).AddDays(-1).ToUniversalTime();
            var scans = await db.Scans.Where(s => s.CredentialId != null && credentialIds.Contains(s.CredentialId.Value) && s.Admitted && s.ScannedAt >= since)
                .ToListAsync(ct);
            return new ConflictCheck(scans.GroupBy(s => (s.CredentialId!.Value, s.Zone)).ToDictionary(g => g.Key, g => g.ToList()));
        }

        /// <summary>Adds a movement admitted in this batch, so later uploads in the same batch pair with it.</summary>
        public void Add(Scan scan)
        {
            if (_movements is null)
            {
                return;
            }

            var key = (scan.CredentialId!.Value, scan.Zone);
            if (!_movements.TryGetValue(key, out var list))
            {
                _movements[key] = list = [];
            }

            list.Add(scan);
        }

        public EntryConflict? Find(Scan entry, ZoneRule rule, DateTimeOffset dayStart)
        {
            if (rule.AntiPassback is not (AntiPassbackMode.Hard or AntiPassbackMode.Timed) || _movements is null
                || !_movements.TryGetValue((entry.CredentialId!.Value, entry.Zone), out var list))
            {
                return null;
            }

            var day = list.Where(s => s.ScannedAt >= dayStart && s.Id != entry.Id).OrderBy(s => s.ScannedAt).ToList();
            var previous = day.LastOrDefault(s => s.ScannedAt <= entry.ScannedAt);
            var next = day.FirstOrDefault(s => s.ScannedAt > entry.ScannedAt);
            var (first, second) = rule.AntiPassback == AntiPassbackMode.Hard
                ? (previous?.Direction == GateDirection.Entry ? (previous, entry) : next?.Direction == GateDirection.Entry ? (entry, next) : (null, null))
                : (Within(previous, entry, rule) ? (previous, entry) : Within(entry, next, rule) ? (entry, next) : (null, null));
            if (first is null || second is null)
            {
                return null;
            }

            first.Conflict = true;
            second.Conflict = true;
            return new EntryConflict
            {
                EventId = entry.EventId,
                CredentialId = entry.CredentialId!.Value,
                GuestId = entry.GuestId!.Value,
                Zone = entry.Zone,
                FirstScanId = first.Id,
                SecondScanId = second.Id,
                DetectedAt = entry.ReceivedAt,
            };
        }

        private static bool Within(Scan? earlier, Scan? later, ZoneRule rule) =>
            earlier is { Direction: GateDirection.Entry } && later is { Direction: GateDirection.Entry }
            && later.ScannedAt - earlier.ScannedAt < TimeSpan.FromMinutes(rule.ReentryMinutes);
    }
}
