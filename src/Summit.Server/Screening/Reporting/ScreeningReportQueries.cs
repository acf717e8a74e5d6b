using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Contracts;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Screening.Contracts;

namespace Summit.Server.Screening.Reporting;

/// <summary>
/// Screening's share of the closing report, the only way other modules read screening figures. Everything is counted from the
/// module's records of the current event (readings of its sensors, refusal counters of its sensors plus the shared "unknown" line,
/// holds, silences) in the event's time zone, as of a moment, and <see cref="TraceAsync"/> lists the very records a figure counts.
/// </summary>
public sealed class ScreeningReportQueries(SummitDbContext db, IEventCalendar events, IZoneDirectory zones, AuditLog audit, ScreeningThreshold threshold)
    : IScreeningReport
{
    public async Task<ScreeningReportFigures> FiguresAsync(DateTimeOffset asOf, CancellationToken ct = default)
    {
        var context = await LoadContextAsync(ct);
        var readings = Readings(context, asOf);
        var holds = (await HoldsAsOf(context, asOf).Select(h => new { h.RaisedAt, h.Status, h.DecidedAt }).ToListAsync(ct))
            .Select(h => new { h.RaisedAt, Status = StatusAt(h.Status, h.DecidedAt, asOf), DecidedAt = h.DecidedAt < asOf ? h.DecidedAt : null }).ToList();
        var holdsByDay = holds.GroupBy(h => context.DayOf(h.RaisedAt)).ToDictionary(g => g.Key, g => g.Count());

        // Readings can run to millions: counted per day in the database, over the days between the first and the last one.
        var first = await readings.OrderBy(r => r.ReceivedAt).Select(r => (DateTimeOffset?)r.ReceivedAt).FirstOrDefaultAsync(ct);
        var last = await readings.OrderByDescending(r => r.ReceivedAt).Select(r => (DateTimeOffset?)r.ReceivedAt).FirstOrDefaultAsync(ct);
        var readingDays = new Dictionary<DateOnly, (int Readings, int Fevers)>();
        if (first is { } from && last is { } to)
        {
            foreach (var day in EventCalendar.Days(context.DayOf(from), context.DayOf(to)))
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

        var outsideDays = readingDays.Keys.Union(holdsByDay.Keys).Where(d => !context.Within(d));
        var days = EventCalendar.Days(context.StartDate, context.EndDate).Union(outsideDays).Order().Select(day =>
        {
            var (count, fevers) = readingDays.GetValueOrDefault(day);
            return new ScreeningDayTotal(day, context.Within(day), count, fevers, holdsByDay.GetValueOrDefault(day));
        }).ToList();
        ScreeningSpanTotal Total(bool within) =>
            new(days.Where(d => d.WithinEvent == within).Sum(d => d.Readings), days.Where(d => d.WithinEvent == within).Sum(d => d.Fevers),
                days.Where(d => d.WithinEvent == within).Sum(d => d.HoldsPlaced));

        var refusals = (await RefusalCounters(context, asOf).Select(r => new { r.Reason, r.Count }).ToListAsync(ct))
            .GroupBy(r => r.Reason).Select(g => new ScreeningRefusalFigure(g.Key, g.Sum(r => r.Count)))
            .OrderByDescending(r => r.Messages).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList();
        var silences = await db.Set<SensorSilence>().AsNoTracking().Where(s => s.EventId == context.EventId && s.ReportedAt < asOf)
            .Select(s => s.SensorId).ToListAsync(ct);
        var decided = holds.Where(h => h.DecidedAt is not null).Select(h => (h.DecidedAt!.Value - h.RaisedAt).TotalMinutes);

        return new ScreeningReportFigures(asOf, await threshold.GetAsync(ct), days, Total(within: true), Total(within: false), refusals,
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
            ScreeningRecordKind.Silences => Only(trace, silences: await SilenceRecordsAsync(context, trace.AsOf, ct)),
            _ => throw new ArgumentOutOfRangeException(nameof(trace), trace.Records, "Not a kind of screening record."),
        };

        await audit.RecordAsync(AuditActions.ReportTraced, "report", "closing", new Dictionary<string, (object?, object?)>
        {
            ["records"] = (null, $"screening={trace.Records};asOf={ReportMoment.Format(trace.AsOf)};day={trace.Day:yyyy-MM-dd};span={trace.Span};"
                + $"reason={trace.Reason};status={trace.Status};decided={trace.Decided}"),
            ["count"] = (null, result.Readings.Count + result.Refusals.Count + result.Holds.Count + result.Silences.Count),
        });
        await db.SaveChangesAsync(ct);
        return result;
    }

    private static ScreeningRecords Only(ScreeningTrace trace, List<ReadingRecord>? readings = null, List<RefusalCountRecord>? refusals = null,
        List<HoldRecord>? holds = null, List<SilenceRecord>? silences = null) =>
        new(trace, readings ?? [], refusals ?? [], holds ?? [], silences ?? []);

    /// <summary>A hold's status at the moment: open until the officer decided.</summary>
    private static HoldStatus StatusAt(HoldStatus status, DateTimeOffset? decidedAt, DateTimeOffset asOf) => decidedAt < asOf ? status : HoldStatus.Open;

    private async Task<List<ReadingRecord>> ReadingRecordsAsync(ReportContext context, ScreeningTrace trace, CancellationToken ct)
    {
        var query = Readings(context, trace.AsOf);
        if (trace.Records == ScreeningRecordKind.Fevers)
        {
            query = query.Where(r => r.Fever);
        }

        if (context.Bounds(trace.Day, trace.Span) is { } range)
        {
            query = range.Inside ? query.Where(r => r.ReceivedAt >= range.Start && r.ReceivedAt < range.End)
                : query.Where(r => r.ReceivedAt < range.Start || r.ReceivedAt >= range.End);
        }

        var rows = await query.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id).ToListAsync(ct);
        return [.. rows.Select(r => new ReadingRecord(r.Id, r.ReceivedAt, r.MeasuredAt, context.SensorCode(r.SensorId), context.GateCode(r.GateId), r.Celsius,
            r.Fever, r.Sequence))];
    }

    private async Task<List<RefusalCountRecord>> RefusalRecordsAsync(ReportContext context, ScreeningTrace trace, CancellationToken ct)
    {
        var query = RefusalCounters(context, trace.AsOf);
        if (trace.Reason is { } reason)
        {
            query = query.Where(r => r.Reason == reason);
        }

        var rows = await query.ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Minute).ThenBy(r => r.SensorKey, StringComparer.Ordinal).ThenBy(r => r.Reason, StringComparer.Ordinal)
            .Select(r => new RefusalCountRecord(r.SensorKey, r.SensorId is { } id ? context.SensorCode(id) : null, r.Reason, r.Minute, r.Count, r.LastAt,
                r.LastDetail))];
    }

    private async Task<List<HoldRecord>> HoldRecordsAsync(ReportContext context, ScreeningTrace trace, CancellationToken ct)
    {
        var query = HoldsAsOf(context, trace.AsOf);
        if (trace.Decided is { } decided)
        {
            query = decided ? query.Where(h => h.DecidedAt < trace.AsOf) : query.Where(h => h.DecidedAt == null || h.DecidedAt >= trace.AsOf);
        }

        if (trace.Status is { } status)
        {
            query = status == HoldStatus.Open ? query.Where(h => h.DecidedAt == null || h.DecidedAt >= trace.AsOf)
                : query.Where(h => h.Status == status && h.DecidedAt < trace.AsOf);
        }

        if (context.Bounds(trace.Day, trace.Span) is { } range)
        {
            query = range.Inside ? query.Where(h => h.RaisedAt >= range.Start && h.RaisedAt < range.End)
                : query.Where(h => h.RaisedAt < range.Start || h.RaisedAt >= range.End);
        }

        var rows = await query.OrderBy(h => h.RaisedAt).ThenBy(h => h.Id).ToListAsync(ct);
        return [.. rows.Select(h =>
        {
            var known = h.DecidedAt < trace.AsOf;
            return new HoldRecord(h.Id, h.RaisedAt, context.GateCode(h.GateId), context.SensorCode(h.SensorId), h.Celsius, h.Threshold,
                StatusAt(h.Status, h.DecidedAt, trace.AsOf), known ? h.RemeasuredCelsius : null, known ? h.DecidedAt : null, known ? h.DecidedBy : null,
                known ? (h.DecidedAt!.Value - h.RaisedAt).TotalMinutes : null, h.IncidentId, known ? h.Note : null);
        })];
    }

    private async Task<List<SilenceRecord>> SilenceRecordsAsync(ReportContext context, DateTimeOffset asOf, CancellationToken ct)
    {
        var rows = await db.Set<SensorSilence>().AsNoTracking().Where(s => s.EventId == context.EventId && s.ReportedAt < asOf)
            .OrderBy(s => s.ReportedAt).ThenBy(s => s.Id).ToListAsync(ct);
        return [.. rows.Select(s => new SilenceRecord(s.Id, context.SensorCode(s.SensorId), context.GateCode(s.GateId), s.QuietSince, s.ReportedAt,
            s.EndedAt < asOf ? s.EndedAt : null))];
    }

    private IQueryable<SensorReading> Readings(ReportContext context, DateTimeOffset asOf)
    {
        var sensorIds = context.Sensors.Keys.ToList();
        return db.Set<SensorReading>().AsNoTracking().Where(r => sensorIds.Contains(r.SensorId) && r.ReceivedAt < asOf);
    }

    private IQueryable<ScreeningHold> HoldsAsOf(ReportContext context, DateTimeOffset asOf) =>
        db.Set<ScreeningHold>().AsNoTracking().Where(h => h.EventId == context.EventId && h.RaisedAt < asOf);

    /// <summary>The counters of the event's sensors, plus the shared line of messages that named no enrolled sensor, for the minutes before the moment.</summary>
    private IQueryable<SensorRefusalCount> RefusalCounters(ReportContext context, DateTimeOffset asOf)
    {
        var sensorIds = context.Sensors.Keys.ToList();
        return db.Set<SensorRefusalCount>().AsNoTracking()
            .Where(r => (r.SensorId == null || sensorIds.Contains(r.SensorId.Value)) && r.Minute < asOf);
    }

    private async Task<ReportContext> LoadContextAsync(CancellationToken ct)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var sensors = await db.Set<Sensor>().AsNoTracking().Where(s => s.EventId == summitEvent.Id).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        var gates = (await zones.ListGatesAsync(ct)).ToDictionary(g => g.Id, g => g.Code);
        return new ReportContext(summitEvent.Id, TimeZoneInfo.FindSystemTimeZoneById(summitEvent.TimeZoneId), summitEvent.StartDate, summitEvent.EndDate,
            sensors, gates);
    }

    private sealed record ReportContext(Guid EventId, TimeZoneInfo TimeZone, DateOnly StartDate, DateOnly EndDate, Dictionary<Guid, string> Sensors,
        Dictionary<Guid, string> Gates) : EventCalendar(TimeZone)
    {
        public bool Within(DateOnly day) => day >= StartDate && day <= EndDate;

        /// <summary>The instants a day or a span covers; <c>Inside</c> false: everything outside the range (the days outside the event).</summary>
        public (DateTimeOffset Start, DateTimeOffset End, bool Inside)? Bounds(DateOnly? day, ReportSpan? span) =>
            day is { } d ? (StartOf(d), StartOf(d.AddDays(1)), true)
            : span is { } s ? (StartOf(StartDate), StartOf(EndDate.AddDays(1)), s == ReportSpan.Event)
            : null;

        public string SensorCode(Guid id) => Sensors.GetValueOrDefault(id, "?");

        public string GateCode(Guid id) => Gates.GetValueOrDefault(id, "?");
    }
}
