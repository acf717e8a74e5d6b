using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Credentials;
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
/// while the other computes), as two server processes would; SQLite has one writer, so one batch at a time. This is the I/O of a
/// batch (queue, transaction, reads, writes, incidents, the live feed); what each scan's verdict is, is
/// <see cref="ScanBatchDecision"/>'s.
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

    private readonly IGateFrameComparer[] _frameComparers;
    private readonly IGateFaceSearch[] _faceSearches;

    public ScanProcessor(IServiceScopeFactory scopes, AccessSnapshotCache cache, AccessLiveFeed feed, TimeProvider clock, DatabaseSettings database,
        IEnumerable<IGateFrameComparer> frameComparers, IEnumerable<IGateFaceSearch> faceSearches, ILogger<ScanProcessor> logger)
    {
        _frameComparers = [.. frameComparers];
        _faceSearches = [.. faceSearches];
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
        for (var i = 0; i < pending.Length; i++)
        {
            if (pending[i].Work.Frame is not null && await SearchFaceLaneAsync(pending[i], ct) is { } lane)
            {
                // A frame without a code at a face lane: the person is who the 1:N search clearly found, decided as their code would be.
                pending[i] = await ByFaceAsync(pending[i], lane, latest, ct);
            }
            else if (pending[i].Work.Frame is not null)
            {
                // Compared here, on the caller's thread and outside the batch's transaction: a face analysis takes tens of
                // milliseconds, which no other gate's scan should wait for. The frame is dropped once compared.
                pending[i] = pending[i] with { Face = await CompareFrameAsync(pending[i], ct), Work = pending[i].Work with { Frame = null, LaterFrames = null } };
            }
        }

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

    private async Task<List<SettledScan>> ProcessWithRetriesAsync(List<Pending> batch, CancellationToken ct)
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

    /// <summary>
    /// Reads what the batch's decision needs, in the batch's transaction and holding its presence rows; decides the batch
    /// (<see cref="ScanBatchDecision"/>); writes what it says, with its incidents, and commits.
    /// </summary>
    private async Task<List<SettledScan>> ProcessAsync(List<Pending> batch, CancellationToken ct)
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

        var scans = batch.Select(p => new BatchScan(p.Work, p.ReceivedAt,
            p.Checked is { } done && ReferenceEquals(done.Snapshot, snapshot) ? done.Identity : Identify(p.Work, snapshot), p.Face, p.Lane)).ToList();
        var credentialIds = scans.Where(s => s.Identity is { Genuine: true }).Select(s => s.Identity!.Value.Payload.CredentialId).Distinct().ToList();
        var known = await LoadKnownAsync(db, batch, ct);
        var presence = await LoadPresenceForUpdateAsync(db, credentialIds, ct);
        var insideElsewhere = await CountHardCapacityZonesAsync(db, batch, snapshot, credentialIds, ct);
        var movements = await LoadUploadedMovementsAsync(db, scans, ct);
        var online = await OnlinePipelineAsync(provider, db, batch, snapshot, ct);
        var holderIds = scans.Where(s => s.Identity is { Genuine: true }).Select(s => s.Identity!.Value.Payload.HolderId).Distinct().ToList();
        var cards = (await guests.GetCardsAsync(holderIds, ct)).ToDictionary(c => c.Id);

        var decided = new ScanBatchDecision(snapshot, known, presence, insideElsewhere, new EntryConflictCheck(movements), online, cards).Decide(scans);

        db.EntryConflicts.AddRange(decided.Conflicts.Select(c => c.Conflict));
        await ScanWrites.WriteAsync(db, decided.Recorded, decided.Moved, ct);
        if (decided.Arrivals.Count > 0)
        {
            await guests.MarkArrivedAsync(decided.Arrivals, ct);
        }

        if (decided.Conflicts.Count > 0 || decided.Disputes.Count > 0)
        {
            // In this batch's transaction: the incident exists exactly when the conflict or the disputed scan does.
            var reporter = provider.GetRequiredService<IIncidentReporter>();
            var localizer = provider.GetRequiredService<Localizer>();
            foreach (var (conflict, gate) in decided.Conflicts)
            {
                await reporter.ReportAsync(DoubleEntryReport(conflict, gate, snapshot, localizer), ct);
            }

            foreach (var (scan, gate) in decided.Disputes)
            {
                await reporter.ReportAsync(DisputedUploadReport(scan, gate, snapshot, localizer), ct);
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return decided.Settled;
    }

    /// <summary>
    /// The pipeline of this batch's server-decided scans: the standard checks, then every module's gate check as it stands now
    /// (screening: the held lanes), read in the batch's transaction; one query per check and batch, none without online scans.
    /// </summary>
    private static async Task<GatePipeline> OnlinePipelineAsync(IServiceProvider provider, SummitDbContext db, List<Pending> batch, AccessSnapshot snapshot,
        CancellationToken ct)
    {
        var gates = batch.Where(p => p.Work.AgentReason is null).Select(p => snapshot.Gates.GetValueOrDefault(p.Work.Gate.Id)).OfType<GateInfo>().Distinct().ToList();
        var checks = provider.GetServices<IServerGateCheck>().OrderBy(c => c.Order).ToList();
        if (gates.Count == 0 || checks.Count == 0)
        {
            return GateDecision.Standard;
        }

        var batchChecks = new List<IGateCheck>(checks.Count);
        foreach (var check in checks)
        {
            batchChecks.Add(await check.ForBatchAsync(db, gates, ct));
        }

        return new GatePipeline([.. GateDecision.StandardChecks, .. batchChecks]);
    }

    /// <summary>
    /// For each zone with a hard capacity that this batch's online entries go into: locks the zone on PostgreSQL (SQLite's write lock
    /// already serializes batches), so that batches deciding entries into it, in this process or another, count one after the
    /// other; then counts how many people are inside besides the batch's own credentials, whose rows it holds.
    /// </summary>
    private static async Task<Dictionary<int, int>> CountHardCapacityZonesAsync(SummitDbContext db, List<Pending> batch, AccessSnapshot snapshot,
        List<Guid> credentialIds, CancellationToken ct)
    {
        var counts = new Dictionary<int, int>();
        var zones = ScanBatchDecision.HardCapacityZones(batch.Select(p => p.Work), snapshot);
        if (zones.Length == 0)
        {
            return counts;
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
            counts[zone] = await db.ZonePresence.AsNoTracking()
                .Where(p => p.EventId == snapshot.EventId && p.Zone == zone && p.Inside && p.DayStart >= dayStart && !credentialIds.Contains(p.CredentialId))
                .Select(p => p.GuestId).Distinct().CountAsync(ct);
        }

        return counts;
    }

    /// <summary>
    /// The day's admitted movements of the credentials whose admissions this batch uploads, for the double-entry check; null when the
    /// batch uploads none. Tracked: the check flags the movements it pairs as conflicts, and the batch saves that.
    /// </summary>
    private static async Task<List<Scan>?> LoadUploadedMovementsAsync(SummitDbContext db, List<BatchScan> scans, CancellationToken ct)
    {
        var uploaded = scans.Where(s => s.Work.AgentReason is { } r && r.Admits() && s.Identity is { Genuine: true }).ToList();
        if (uploaded.Count == 0)
        {
            return null;
        }

        var credentialIds = uploaded.Select(s => s.Identity!.Value.Payload.CredentialId).Distinct().ToList();
        // An access day is at most a day long: a day before the earliest upload covers every movement that can pair with it.
        var since = uploaded.Min(s => s.Work.ScannedAt ?? DateTimeOffset.MaxValue).AddDays(-1).ToUniversalTime();
        return await db.Scans.Where(s => s.CredentialId != null && credentialIds.Contains(s.CredentialId.Value) && s.Admitted && s.ScannedAt >= since)
            .ToListAsync(ct);
    }

    /// <summary>
    /// The frame of an online entry compared with the holder's template by the module that keeps templates (Faces); null when
    /// there is nothing to compare (no comparer, no genuine code, an exit, no template for the holder, faces off at the gate).
    /// </summary>
    private async Task<FaceComparison?> CompareFrameAsync(Pending scan, CancellationToken ct)
    {
        var work = scan.Work;
        if (_frameComparers.Length == 0 || work.AgentReason is not null || work.Direction != GateDirection.Entry || work.Frame is not { } frame)
        {
            return null;
        }

        // The holder from a code whose signature was verified against the latest policy; before any policy was read, none.
        if (scan.Checked?.Identity is not { Genuine: true } identity)
        {
            return null;
        }

        foreach (var comparer in _frameComparers)
        {
            if (await comparer.CompareAsync(identity.Payload.HolderId, work.Gate, [frame, .. work.LaterFrames ?? []], ct) is { } comparison)
            {
                return comparison;
            }
        }

        return null;
    }

    /// <summary>
    /// The 1:N search of a frame that came without a code, online, into a gate: null when no module searches faces or the gate is not a
    /// face lane (the scan is then decided as any scan without a code).
    /// </summary>
    private async Task<FaceLaneSearch?> SearchFaceLaneAsync(Pending scan, CancellationToken ct)
    {
        var work = scan.Work;
        if (_faceSearches.Length == 0 || work.Code.Length != 0 || work.AgentReason is not null || work.Direction != GateDirection.Entry
            || work.Frame is not { } frame)
        {
            return null;
        }

        foreach (var search in _faceSearches)
        {
            if (await search.SearchAsync(work.Gate, [frame, .. work.LaterFrames ?? []], ct) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// The scan of a face lane: with the code of the identified guest's latest credential (a revoked one is refused as revoked, as it
    /// would be shown), or, without a clear match or any credential, refused as <see cref="ReasonCode.FaceLaneNoMatch"/> (or, for a burst that
    /// was not live where a live face is required, <see cref="ReasonCode.FaceLaneNotLive"/>). The frames are dropped.
    /// </summary>
    private async Task<Pending> ByFaceAsync(Pending scan, FaceLaneSearch lane, AccessSnapshot? latest, CancellationToken ct)
    {
        string? code = null;
        if (lane.HolderId is { } holderId)
        {
            await using var scope = _scopes.CreateAsyncScope();
            code = await scope.ServiceProvider.GetRequiredService<CredentialService>().GetLatestCodeAsync(holderId, ct);
        }

        if (code is null)
        {
            return scan with { Work = scan.Work with { Frame = null, LaterFrames = null }, Lane = lane with { HolderId = null } };
        }

        var work = scan.Work with { Code = code, Frame = null, LaterFrames = null };
        return scan with { Work = work, Checked = latest is null ? null : new CheckedCode(latest, Identify(work, latest)), Face = lane.Comparison, Lane = lane };
    }

    /// <summary>Decodes a code and verifies its signature once; null when it does not decode.</summary>
    private static ScanIdentity? Identify(ScanWork work, AccessSnapshot snapshot)
    {
        if (work.Code.Length > MaxCodeLength)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[CredentialCodec.BinaryLength];
        return CredentialCodec.TryDecode(work.Code, bytes, out var payload, out _)
            ? new ScanIdentity(payload, CredentialCodec.Verify(bytes, payload.KeyId, snapshot.Policy.Keys))
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

    private static async Task<List<ZonePresence>> LoadPresenceForUpdateAsync(SummitDbContext db, List<Guid> credentialIds,
        CancellationToken ct)
    {
        if (credentialIds.Count == 0)
        {
            return [];
        }

        return db.Database.IsNpgsql()
            // In key order, so that two batches locking some of the same rows queue behind each other instead of deadlocking.
            ? await db.ZonePresence.FromSql($"SELECT * FROM \"ZonePresence\" WHERE \"CredentialId\" = ANY({credentialIds.ToArray()}) ORDER BY \"CredentialId\", \"Zone\" FOR UPDATE").AsNoTracking().ToListAsync(ct)
            : await db.ZonePresence.AsNoTracking().Where(p => credentialIds.Contains(p.CredentialId)).ToListAsync(ct);
    }

    /// <summary>An offline double entry as an incident of the zone: one open incident per zone gathers every such entry.</summary>
    private static AutomaticIncidentReport DoubleEntryReport(EntryConflict conflict, GateInfo gate, AccessSnapshot snapshot, Localizer localizer)
    {
        var zone = snapshot.Zones.GetValueOrDefault(conflict.Zone);
        var zoneCode = zone?.Code ?? conflict.Zone.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var credential = conflict.CredentialId.ToString("N")[^8..];
        return new AutomaticIncidentReport(Infrastructure.Incidents.IncidentType.Security, IncidentSeverity.Medium, "access.double-entry",
            zone is not null ? new IncidentPlace(ZoneId: zone.Id) : new IncidentPlace(GateId: gate.Id),
            IncidentText.Of("access.incident.double_entry_title", zoneCode),
            new IncidentEvidence("entry-conflict", conflict.Id.ToString(),
                localizer.Format(Localizer.English, "access.incident.double_entry_evidence", credential, zoneCode, gate.Code),
                localizer.Format(Localizer.Chinese, "access.incident.double_entry_evidence", credential, zoneCode, gate.Code)));
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
        string Evidence(string language) => localizer.Format(language, "access.incident.disputed_evidence", gate.Code, zone,
            localizer.Get(language, $"access.incident.direction.{scan.Direction}"), at,
            ScanResponses.Message(localizer, language, scan.DeviceReason!.Value), ScanResponses.Message(localizer, language, scan.Reason));
        return new AutomaticIncidentReport(Infrastructure.Incidents.IncidentType.Security, IncidentSeverity.High, "access.upload-disputed",
            new IncidentPlace(GateId: gate.Id),
            IncidentText.Of("access.incident.disputed_title", gate.Code),
            new IncidentEvidence("scan", scan.Id.ToString(), Evidence(Localizer.English), Evidence(Localizer.Chinese)));
    }

    /// <summary>A code's signature as checked against one policy snapshot: valid for the batch only if it reads the same snapshot.</summary>
    private sealed record CheckedCode(AccessSnapshot Snapshot, ScanIdentity? Identity);

    private sealed record Pending(ScanWork Work, DateTimeOffset ReceivedAt, CheckedCode? Checked, FaceComparison? Face = null, FaceLaneSearch? Lane = null)
    {
        public TaskCompletionSource<ScanOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
