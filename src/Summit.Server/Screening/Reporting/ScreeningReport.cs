using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Zones;
using Summit.Server.Events;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Screening.Reporting;

/// <summary>One day of screening (event time): readings received, of them above the threshold, and lanes put on hold.</summary>
public sealed record ScreeningDayTotal(DateOnly Day, int Readings, int Fevers, int HoldsPlaced);

/// <summary>Messages refused for one reason over the whole event (refusals are counted per sensor and reason, not stored one by one).</summary>
public sealed record ScreeningRefusalFigure(string Reason, long Messages);

/// <summary>
/// The screening figures of the closing report, each computed from the records that <see cref="ScreeningReportQueries.TraceAsync"/>
/// lists. Fevers are readings above the threshold in force when they arrived; a fever at a lane already on hold opens no new hold.
/// </summary>
/// <param name="MedianMinutesToDecision">Median minutes from a hold to the officer's decision, over the decided holds; null if none.</param>
/// <param name="SilentSensors">Sensors that went silent at least once; <paramref name="Silences"/> counts every silence.</param>
public sealed record ScreeningReportFigures(double ThresholdCelsius, IReadOnlyList<ScreeningDayTotal> Days, IReadOnlyList<ScreeningRefusalFigure> Refusals,
    int Readings, int Fevers, long RefusedMessages, int HoldsPlaced, int HoldsOpen, int HoldsCleared, int HoldsConfirmed, double? MedianMinutesToDecision,
    int SilentSensors, int Silences);

/// <summary>Which kind of screening record a figure counts.</summary>
public enum ScreeningRecordKind
{
    Readings = 0,

    /// <summary>Readings above the threshold.</summary>
    Fevers = 1,

    /// <summary>The refusal counters (per sensor and reason).</summary>
    Refusals = 2,

    Holds = 3,
    Silences = 4,
}

/// <summary>Which screening records stand behind one figure: everything left null is not filtered on.</summary>
/// <param name="Day">A day in event time (readings and fevers: by arrival; holds: by when they were placed).</param>
/// <param name="Reason">A refusal reason (<see cref="Ingestion.RefusalReasons"/>), for refusal counters.</param>
/// <param name="Status">A hold status, for holds.</param>
/// <param name="Decided">True: only holds an officer has decided (the median time to decision counts those).</param>
public sealed record ScreeningTrace(ScreeningRecordKind Records, DateOnly? Day = null, string? Reason = null, HoldStatus? Status = null, bool? Decided = null);

public sealed record ReadingRecord(Guid Id, DateTimeOffset ReceivedAt, DateTimeOffset MeasuredAt, string SensorCode, string GateCode, double Celsius,
    bool Fever, long Sequence);

public sealed record RefusalCountRecord(string SensorKey, string? SensorCode, string Reason, long Count, DateTimeOffset LastAt, string LastDetail);

/// <param name="MinutesToDecision">From the hold to the officer's decision; null while open.</param>
public sealed record HoldRecord(Guid Id, DateTimeOffset RaisedAt, string GateCode, string SensorCode, double Celsius, double Threshold, HoldStatus Status,
    double? RemeasuredCelsius, DateTimeOffset? DecidedAt, string? DecidedBy, double? MinutesToDecision, Guid? IncidentId, string? Note);

public sealed record SilenceRecord(Guid Id, string SensorCode, string GateCode, DateTimeOffset QuietSince, DateTimeOffset ReportedAt, DateTimeOffset? EndedAt);

/// <summary>The records behind one screening figure: only the list of the trace's kind is filled.</summary>
public sealed record ScreeningRecords(ScreeningTrace Trace, IReadOnlyList<ReadingRecord> Readings, IReadOnlyList<RefusalCountRecord> Refusals,
    IReadOnlyList<HoldRecord> Holds, IReadOnlyList<SilenceRecord> Silences);

/// <summary>
/// Screening's share of the closing report, the only way other modules read screening figures. Everything is counted from the
/// module's records of the current event (readings of its sensors, refusal counters of its sensors plus the shared "unknown" line,
/// holds, silences) in the event's time zone, and <see cref="TraceAsync"/> lists the very records a figure counts.
/// </summary>
public sealed class ScreeningReportQueries(SummitDbContext db, EventService events, ZoneService zones, AuditLog audit, ScreeningThreshold threshold)
{
    public async Task<ScreeningReportFigures> FiguresAsync(CancellationToken ct = default)
    {
        var context = await LoadContextAsync(ct);
        var readings = Readings(context);
        var days = new List<ScreeningDayTotal>();
        var holds = await db.Set<ScreeningHold>().AsNoTracking().Where(h => h.EventId == context.EventId)
            .Select(h => new { h.RaisedAt, h.Status, h.DecidedAt }).ToListAsync(ct);
        var holdsByDay = holds.GroupBy(h => context.DayOf(h.RaisedAt)).ToDictionary(g => g.Key, g => g.Count());

        // Readings can run to millions: counted per day in the database, over the days between the first and the last one.
        var first = await readings.OrderBy(r => r.ReceivedAt).Select(r => (DateTimeOffset?)r.ReceivedAt).FirstOrDefaultAsync(ct);
        var last = await readings.OrderByDescending(r => r.ReceivedAt).Select(r => (DateTimeOffset?)r.ReceivedAt).FirstOrDefaultAsync(ct);
        var readingDays = new Dictionary<DateOnly, (int Readings, int Fevers)>();
        if (first is { } from && last is { } to)
        {
            for (var day = context.DayOf(from); day <= context.DayOf(to); day = day.AddDays(1))
            {
                var (start, end) = context.RangeOf(day);
                var ofDay = readings.Where(r => r.ReceivedAt >= start && r.ReceivedAt < end);
                var count = await ofDay.CountAsync(ct);
                if (count > 0)
                {
                    readingDays[day] = (count, await ofDay.CountAsync(r => r.Fever, ct));
                }
            }
        }

        foreach (var day in readingDays.Keys.Union(holdsByDay.Keys).Order())
        {
            var (count, fevers) = readingDays.GetValueOrDefault(day);
            days.Add(new ScreeningDayTotal(day, count, fevers, holdsByDay.GetValueOrDefault(day)));
        }

        var refusals = (await RefusalCounters(context).Select(r => new { r.Reason, r.Count }).ToListAsync(ct))
            .GroupBy(r => r.Reason).Select(g => new ScreeningRefusalFigure(g.Key, g.Sum(r => r.Count)))
            .OrderByDescending(r => r.Messages).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList();
        var silences = await db.Set<SensorSilence>().AsNoTracking().Where(s => s.EventId == context.EventId).Select(s => s.SensorId).ToListAsync(ct);
        var decided = holds.Where(h => h.DecidedAt is not null).Select(h => (h.DecidedAt!.Value - h.RaisedAt).TotalMinutes);

        return new ScreeningReportFigures(await threshold.GetAsync(ct), days, refusals, days.Sum(d => d.Readings), days.Sum(d => d.Fevers),
            refusals.Sum(r => r.Messages), holds.Count, holds.Count(h => h.Status == HoldStatus.Open), holds.Count(h => h.Status == HoldStatus.Cleared),
            holds.Count(h => h.Status == HoldStatus.FeverConfirmed), ReportStatistics.Median(decided), silences.Distinct().Count(), silences.Count);
    }

    /// <summary>
    /// The records behind a figure, in time order. Holds carry the officers' names and notes about the person screened, so every
    /// look at screening records is in the audit log, as the scans behind the gate figures are.
    /// </summary>
    public async Task<ScreeningRecords> TraceAsync(ScreeningTrace trace, CancellationToken ct = default)
    {
        var context = await LoadContextAsync(ct);
        var result = trace.Records switch
        {
            ScreeningRecordKind.Readings or ScreeningRecordKind.Fevers => Only(trace, readings: await ReadingRecordsAsync(context, trace, ct)),
            ScreeningRecordKind.Refusals => Only(trace, refusals: await RefusalRecordsAsync(context, trace, ct)),
            ScreeningRecordKind.Holds => Only(trace, holds: await HoldRecordsAsync(context, trace, ct)),
            ScreeningRecordKind.Silences => Only(trace, silences: await SilenceRecordsAsync(context, ct)),
            _ => throw new ArgumentOutOfRangeException(nameof(trace), trace.Records, "Not a kind of screening record."),
        };

        await audit.RecordAsync(AuditActions.ReportTraced, "report", "closing", new Dictionary<string, (object?, object?)>
        {
            ["records"] = (null, $"screening={trace.Records};day={trace.Day:yyyy-MM-dd};reason={trace.Reason};status={trace.Status};decided={trace.Decided}"),
            ["count"] = (null, result.Readings.Count + result.Refusals.Count + result.Holds.Count + result.Silences.Count),
        });
        await db.SaveChangesAsync(ct);
        return result;
    }

    private static ScreeningRecords Only(ScreeningTrace trace, List<ReadingRecord>? readings = null, List<RefusalCountRecord>? refusals = null,
        List<HoldRecord>? holds = null, List<SilenceRecord>? silences = null) =>
        new(trace, readings ?? [], refusals ?? [], holds ?? [], silences ?? []);

    private async Task<List<ReadingRecord>> ReadingRecordsAsync(ReportContext context, ScreeningTrace trace, CancellationToken ct)
    {
        var query = Readings(context);
        if (trace.Records == ScreeningRecordKind.Fevers)
        {
            query = query.Where(r => r.Fever);
        }

        if (trace.Day is { } day)
        {
            var (start, end) = context.RangeOf(day);
            query = query.Where(r => r.ReceivedAt >= start && r.ReceivedAt < end);
        }

        var rows = await query.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id).ToListAsync(ct);
        return [.. rows.Select(r => new ReadingRecord(r.Id, r.ReceivedAt, r.MeasuredAt, context.SensorCode(r.SensorId), context.GateCode(r.GateId), r.Celsius,
            r.Fever, r.Sequence))];
    }

    private async Task<List<RefusalCountRecord>> RefusalRecordsAsync(ReportContext context, ScreeningTrace trace, CancellationToken ct)
    {
        var query = RefusalCounters(context);
        if (trace.Reason is { } reason)
        {
            query = query.Where(r => r.Reason == reason);
        }

        var rows = await query.ToListAsync(ct);
        return [.. rows.OrderBy(r => r.LastAt).ThenBy(r => r.SensorKey, StringComparer.Ordinal).Select(r => new RefusalCountRecord(r.SensorKey,
            r.SensorId is { } id ? context.SensorCode(id) : null, r.Reason, r.Count, r.LastAt, r.LastDetail))];
    }

    private async Task<List<HoldRecord>> HoldRecordsAsync(ReportContext context, ScreeningTrace trace, CancellationToken ct)
    {
        var query = db.Set<ScreeningHold>().AsNoTracking().Where(h => h.EventId == context.EventId);
        if (trace.Status is { } status)
        {
            query = query.Where(h => h.Status == status);
        }

        if (trace.Decided is { } decided)
        {
            query = decided ? query.Where(h => h.DecidedAt != null) : query.Where(h => h.DecidedAt == null);
        }

        if (trace.Day is { } day)
        {
            var (start, end) = context.RangeOf(day);
            query = query.Where(h => h.RaisedAt >= start && h.RaisedAt < end);
        }

        var rows = await query.OrderBy(h => h.RaisedAt).ThenBy(h => h.Id).ToListAsync(ct);
        return [.. rows.Select(h => new HoldRecord(h.Id, h.RaisedAt, context.GateCode(h.GateId), context.SensorCode(h.SensorId), h.Celsius, h.Threshold,
            h.Status, h.RemeasuredCelsius, h.DecidedAt, h.DecidedBy, h.DecidedAt is { } at ? (at - h.RaisedAt).TotalMinutes : null, h.IncidentId, h.Note))];
    }

    private async Task<List<SilenceRecord>> SilenceRecordsAsync(ReportContext context, CancellationToken ct)
    {
        var rows = await db.Set<SensorSilence>().AsNoTracking().Where(s => s.EventId == context.EventId)
            .OrderBy(s => s.ReportedAt).ThenBy(s => s.Id).ToListAsync(ct);
        return [.. rows.Select(s => new SilenceRecord(s.Id, context.SensorCode(s.SensorId), context.GateCode(s.GateId), s.QuietSince, s.ReportedAt,
            s.EndedAt))];
    }

    private IQueryable<SensorReading> Readings(ReportContext context)
    {
        var sensorIds = context.Sensors.Keys.ToList();
        return db.Set<SensorReading>().AsNoTracking().Where(r => sensorIds.Contains(r.SensorId));
    }

    /// <summary>The counters of the event's sensors, plus the shared line of messages that named no enrolled sensor.</summary>
    private IQueryable<SensorRefusalCount> RefusalCounters(ReportContext context)
    {
        var sensorIds = context.Sensors.Keys.ToList();
        return db.Set<SensorRefusalCount>().AsNoTracking().Where(r => r.SensorId == null || sensorIds.Contains(r.SensorId.Value));
    }

    private async Task<ReportContext> LoadContextAsync(CancellationToken ct)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var sensors = await db.Set<Sensor>().AsNoTracking().Where(s => s.EventId == summitEvent.Id).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        var gates = (await zones.ListGatesAsync(ct)).ToDictionary(g => g.Id, g => g.Code);
        return new ReportContext(summitEvent.Id, TimeZoneInfo.FindSystemTimeZoneById(summitEvent.TimeZoneId), sensors, gates);
    }

    private sealed record ReportContext(Guid EventId, TimeZoneInfo TimeZone, Dictionary<Guid, string> Sensors, Dictionary<Guid, string> Gates)
        : EventCalendar(TimeZone)
    {
        public string SensorCode(Guid id) => Sensors.GetValueOrDefault(id, "?");

        public string GateCode(Guid id) => Gates.GetValueOrDefault(id, "?");
    }
}
