using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Summit.Server.Access.Contracts;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Screening.Contracts;
using Summit.Server.Screening.Holds;
using Summit.Server.Screening.Sensors;

namespace Summit.Server.Screening.Ingestion;

/// <summary>
/// Takes sensor messages off the broker and stores them in batches: one writer, one transaction per batch of up to
/// <see cref="MaxBatch"/> messages, so ten thousand readings a second cost a few dozen commits. Each message is checked
/// (<see cref="SensorMessages.Check"/>); refusals are counted per sensor and reason in the same transaction; a fever opens a
/// hold on the sensor's gate (<see cref="FeverHolds"/>). A batch that fails is retried whole, so nothing accepted is lost.
/// </summary>
public sealed class ReadingWriter : BackgroundService
{
    public const int MaxBatch = 2000;
    private const int Capacity = 200_000;
    private const int Attempts = 4;

    // Bounded: when the database falls behind, the broker client waits here instead of memory growing without end.
    private readonly Channel<SensorMessage> _queue = Channel.CreateBounded<SensorMessage>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly IServiceScopeFactory _scopes;
    private readonly SensorDirectory _directory;
    private readonly ScreeningLiveFeed _feed;
    private readonly IOptionsMonitor<ScreeningOptions> _options;
    private readonly ScreeningThreshold _threshold;
    private readonly IGateHoldChanges _gateHolds;
    private readonly ILogger<ReadingWriter> _logger;
    private long _stored;
    private long _refused;

    public ReadingWriter(IServiceScopeFactory scopes, SensorDirectory directory, ScreeningLiveFeed feed, IOptionsMonitor<ScreeningOptions> options,
        ScreeningThreshold threshold, IGateHoldChanges gateHolds, ILogger<ReadingWriter> logger)
    {
        _threshold = threshold;
        _gateHolds = gateHolds;
        _scopes = scopes;
        _directory = directory;
        _feed = feed;
        _options = options;
        _logger = logger;
    }

    /// <summary>Readings stored since this process started.</summary>
    public long Stored => Interlocked.Read(ref _stored);

    /// <summary>Messages refused (and counted) since this process started.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    public ValueTask EnqueueAsync(SensorMessage message, CancellationToken ct) => _queue.Writer.WriteAsync(message, ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<SensorMessage>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var message))
            {
                batch.Add(message);
            }

            await WriteWithRetriesAsync(batch, stoppingToken);
        }
    }

    /// <summary>Checks and stores one batch now (the hosted loop calls it; tests of the checks may too).</summary>
    internal async Task WriteWithRetriesAsync(IReadOnlyList<SensorMessage> batch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await WriteAsync(batch, ct);
                Interlocked.Add(ref _stored, result.Stored);
                Interlocked.Add(ref _refused, result.Refused);
                if (result.HoldsRaised > 0)
                {
                    // The gate agents at those lanes are waiting for exactly this: tell them before the pages.
                    _gateHolds.Changed();
                }

                _feed.Publish(new ScreeningChange(result.Stored, result.Refused, result.HoldsRaised));
                return;
            }
            catch (Exception ex) when (attempt < Attempts && ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "A batch of {Count} sensor messages failed (attempt {Attempt}); retrying", batch.Count, attempt);
                _directory.Invalidate();
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogError(ex, "A batch of {Count} sensor messages could not be stored", batch.Count);
                return;
            }
        }
    }

    private async Task<BatchResult> WriteAsync(IReadOnlyList<SensorMessage> batch, CancellationToken ct)
    {
        var options = _options.CurrentValue;
        var threshold = await _threshold.GetAsync(ct);
        var sensors = await _directory.GetAsync(ct);

        await using var scope = _scopes.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        provider.GetRequiredService<CurrentActor>().Use(new Actor(null, "screening", null));
        var db = provider.GetRequiredService<SummitDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        // The sequences are checked against the database inside the transaction, with the sensors' rows locked until it commits: a
        // reading counts once whichever server process (or writer) takes it, and no in-memory copy can go stale.
        var named = batch.Select(m => SensorMessages.TopicCode(m.Topic) is { } code ? sensors.GetValueOrDefault(code)?.Id : null).OfType<Guid>().Distinct();
        var rows = await LockSensorsAsync(db, [.. named], ct);
        var sequences = rows.Values.ToDictionary(s => s.Id, s => s.LastSequence);
        var accepted = new List<AcceptedReading>(batch.Count);
        var refused = new List<RefusedMessage>();
        foreach (var message in batch)
        {
            var (reading, refusal) = SafeCheck(message, sensors, sequences, options);
            if (reading is not null)
            {
                accepted.Add(reading);
            }
            else
            {
                refused.Add(refusal!);
            }
        }

        await RefuseLateDuplicatesAsync(db, accepted, refused, options, ct);
        var readings = accepted.Select(r => new SensorReading
        {
            SensorId = r.Sensor.Id,
            GateId = r.Sensor.GateId,
            Celsius = r.Celsius,
            MeasuredAt = r.MeasuredAt,
            ReceivedAt = r.ReceivedAt,
            Sequence = r.Sequence,
            Fever = r.Celsius > threshold,
        }).ToList();
        await AddReadingsAsync(db, readings, ct);
        await UpdateSensorsAsync(db, rows, readings, ct);
        await CountRefusalsAsync(db, refused, ct);
        var fevers = readings.Where(r => r.Fever).ToList();
        var raised = fevers.Count == 0 ? 0 : await provider.GetRequiredService<FeverHolds>().RaiseAsync(fevers, threshold, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new BatchResult(readings.Count, refused.Count, raised);
    }

    /// <summary>
    /// Reads (tracked) the rows of the sensors a batch names and, on PostgreSQL, locks them until the transaction ends, in id order so
    /// that two writers never wait on each other in a circle. SQLite needs no lock: its write transaction already excludes every other.
    /// </summary>
    private static async Task<Dictionary<Guid, Sensor>> LockSensorsAsync(SummitDbContext db, Guid[] ids, CancellationToken ct)
    {
        if (ids.Length == 0)
        {
            return [];
        }

        var query = db.Database.IsNpgsql()
            ? db.Set<Sensor>().FromSql($"SELECT * FROM \"Sensors\" WHERE \"Id\" = ANY({ids}) ORDER BY \"Id\" FOR UPDATE")
            : db.Set<Sensor>().Where(s => ids.Contains(s.Id));
        return await query.ToDictionaryAsync(s => s.Id, ct);
    }

    /// <summary>
    /// Refuses as replayed each late reading (below its sensor's last number, inside the reorder window) whose number this batch or the
    /// database already holds. The sensors' rows are locked, so no other writer can store the number between this look and the commit.
    /// A stored copy was received at most MaxClockAhead before its measurement: only that stretch of the sensor's readings is read.
    /// </summary>
    private static async Task RefuseLateDuplicatesAsync(SummitDbContext db, List<AcceptedReading> accepted, List<RefusedMessage> refused,
        ScreeningOptions options, CancellationToken ct)
    {
        var late = accepted.Where(r => r.Late).ToList();
        if (late.Count == 0)
        {
            return;
        }

        var sensorIds = late.Select(r => r.Sensor.Id).Distinct().ToList();
        var numbers = late.Select(r => r.Sequence).Distinct().ToList();
        var since = late.Min(r => r.MeasuredAt) - options.MaxClockAhead;
        var stored = (await db.Set<SensorReading>()
                .Where(r => sensorIds.Contains(r.SensorId) && numbers.Contains(r.Sequence) && r.ReceivedAt >= since)
                .Select(r => new { r.SensorId, r.Sequence }).ToListAsync(ct))
            .Select(r => (r.SensorId, r.Sequence)).ToHashSet();
        var kept = new List<AcceptedReading>(accepted.Count);
        var taken = new HashSet<(Guid, long)>();
        foreach (var reading in accepted)
        {
            var key = (reading.Sensor.Id, reading.Sequence);
            if (!taken.Add(key) || (reading.Late && stored.Contains(key)))
            {
                refused.Add(new RefusedMessage(reading.Sensor.Id.ToString("N"), reading.Sensor.Id, RefusalReasons.Replayed,
                    $"seq {reading.Sequence}, late and already stored", reading.ReceivedAt));
                continue;
            }

            kept.Add(reading);
        }

        accepted.Clear();
        accepted.AddRange(kept);
    }

    /// <summary>
    /// Stores readings in the batch's transaction. On PostgreSQL by binary COPY: a batch is up to 2,000 rows, and through the change
    /// tracker each was an entity to track and a statement to send, most of the ingestion's cost (docs/benchmarks.md).
    /// </summary>
    private static async Task AddReadingsAsync(SummitDbContext db, List<SensorReading> readings, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            db.Set<SensorReading>().AddRange(readings);
            return;
        }

        if (readings.Count == 0)
        {
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY \"SensorReadings\" (\"Id\", \"SensorId\", \"GateId\", \"Celsius\", \"MeasuredAt\", \"ReceivedAt\", \"Sequence\", \"Fever\") FROM STDIN (FORMAT BINARY)", ct);
        foreach (var reading in readings)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(reading.Id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(reading.SensorId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(reading.GateId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(reading.Celsius, NpgsqlDbType.Double, ct);
            await copy.WriteAsync(reading.MeasuredAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(reading.ReceivedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(reading.Sequence, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(reading.Fever, NpgsqlDbType.Boolean, ct);
        }

        await copy.CompleteAsync(ct);
    }

    /// <summary>A message the checks cannot handle is refused as malformed, never allowed to sink the batch it came in.</summary>
    private (AcceptedReading?, RefusedMessage?) SafeCheck(SensorMessage message, IReadOnlyDictionary<string, SensorEntry> sensors,
        Dictionary<Guid, long> sequences, ScreeningOptions options)
    {
        try
        {
            return SensorMessages.Check(message, sensors, sequences, options);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "A sensor message on {Topic} could not be checked; refused as malformed", message.Topic);
            return (null, new RefusedMessage(SensorRefusalCount.UnknownKey, null, RefusalReasons.Malformed, "unreadable: " + ex.GetType().Name,
                message.ReceivedAt));
        }
    }

    private static async Task UpdateSensorsAsync(SummitDbContext db, Dictionary<Guid, Sensor> rows, List<SensorReading> readings, CancellationToken ct)
    {
        if (readings.Count == 0)
        {
            return;
        }

        var bySensor = readings.GroupBy(r => r.SensorId).ToDictionary(g => g.Key, g => g.ToList());
        var sensors = bySensor.Keys.Select(id => rows[id]).ToList();
        // Only sensors reported silent have an open silence to close: the common batch pays no extra query.
        var silentIds = sensors.Where(s => s.SilentSince is not null).Select(s => s.Id).ToList();
        var silences = silentIds.Count == 0 ? []
            : await db.Set<SensorSilence>().Where(x => silentIds.Contains(x.SensorId) && x.EndedAt == null).ToListAsync(ct);
        foreach (var silence in silences)
        {
            silence.EndedAt = bySensor[silence.SensorId].Min(r => r.ReceivedAt);
        }

        foreach (var sensor in sensors)
        {
            var own = bySensor[sensor.Id];
            var last = own.MaxBy(r => r.Sequence)!;
            // Late readings only (below the stored last number) leave the sensor's latest value as it is.
            if (last.Sequence > sensor.LastSequence)
            {
                sensor.LastCelsius = last.Celsius;
                sensor.LastReadingAt = last.MeasuredAt;
            }

            sensor.LastSeenAt = own.Max(r => r.ReceivedAt);
            sensor.LastSequence = Math.Max(sensor.LastSequence, last.Sequence);
            sensor.ReadingCount += own.Count;
            sensor.SilentSince = null;
        }
    }

    private static async Task CountRefusalsAsync(SummitDbContext db, List<RefusedMessage> refused, CancellationToken ct)
    {
        if (refused.Count == 0)
        {
            return;
        }

        // Counted per minute of receipt, so that a report pinned to a moment counts the same refusals whenever it is rebuilt.
        var keys = refused.Select(r => r.SensorKey).Distinct().ToList();
        var from = ReportMoment.Of(refused.Min(r => r.ReceivedAt));
        var rows = (await db.Set<SensorRefusalCount>().Where(r => keys.Contains(r.SensorKey) && r.Minute >= from).ToListAsync(ct))
            .ToDictionary(r => (r.SensorKey, r.Reason, r.Minute));
        foreach (var group in refused.GroupBy(r => (r.SensorKey, r.Reason, Minute: ReportMoment.Of(r.ReceivedAt))))
        {
            var last = group.Last();
            if (!rows.TryGetValue(group.Key, out var row))
            {
                row = new SensorRefusalCount { SensorKey = group.Key.SensorKey, SensorId = last.SensorId, Reason = group.Key.Reason, Minute = group.Key.Minute };
                db.Set<SensorRefusalCount>().Add(row);
                rows[group.Key] = row;
            }

            row.Count += group.Count();
            row.LastAt = last.ReceivedAt;
            row.LastDetail = last.Detail;
        }
    }

    private readonly record struct BatchResult(int Stored, int Refused, int HoldsRaised);
}
