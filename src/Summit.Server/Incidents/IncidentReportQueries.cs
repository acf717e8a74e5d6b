using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Incidents.Contracts;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Incidents;

/// <summary>
/// The incidents' share of the closing report: figures per type and the records behind each, computed from the incidents' periods
/// (which a reopen never clears) as of a moment, so that a report rebuilt from its stamp says the same whatever happened since.
/// </summary>
public sealed class IncidentReportQueries(SummitDbContext db, IEventCalendar events, AuditLog audit) : IIncidentReport
{
    public async Task<List<IncidentTypeFigures>> FiguresAsync(DateTimeOffset asOf, CancellationToken ct = default)
    {
        var periods = await PeriodsAsOfAsync(asOf, ct);
        return [.. periods.GroupBy(p => p.Type).OrderBy(g => g.Key).Select(g =>
        {
            var rows = g.ToList();
            var reopens = Select(rows, IncidentMeasure.Reopens, asOf);
            return new IncidentTypeFigures(g.Key, Select(rows, IncidentMeasure.Raised, asOf).Count, Select(rows, IncidentMeasure.Resolved, asOf).Count,
                ReportStatistics.Median(Select(rows, IncidentMeasure.Acknowledge, asOf).Select(r => r.Minutes!.Value)),
                ReportStatistics.Median(Select(rows, IncidentMeasure.Resolve, asOf).Select(r => r.Minutes!.Value)),
                Select(rows, IncidentMeasure.AcknowledgeLate, asOf).Select(r => r.Number).Distinct().Count(),
                Select(rows, IncidentMeasure.ResolveLate, asOf).Select(r => r.Number).Distinct().Count(),
                reopens.Count, reopens.Sum(r => r.Minutes!.Value));
        })];
    }

    /// <summary>The periods behind one figure, in incident and period order. Audited like every list behind the report.</summary>
    public async Task<List<IncidentPeriodRecord>> TraceAsync(IncidentTrace trace, CancellationToken ct = default)
    {
        var periods = (await PeriodsAsOfAsync(trace.AsOf, ct)).Where(p => trace.Type is null || p.Type == trace.Type).ToList();
        var records = Select(periods, trace.Measure, trace.AsOf);
        await audit.RecordAsync(AuditActions.ReportTraced, "report", "closing", new Dictionary<string, (object?, object?)>
        {
            ["records"] = (null, $"incidents={trace.Measure};asOf={ReportMoment.Format(trace.AsOf)};type={trace.Type}"),
            ["count"] = (null, records.Count),
        });
        await db.SaveChangesAsync(ct);
        return records;
    }

    /// <summary>The rows one measure takes, with its minutes filled in: the single place that says what each figure counts.</summary>
    private static List<IncidentPeriodRecord> Select(List<IncidentPeriodRecord> periods, IncidentMeasure measure, DateTimeOffset asOf)
    {
        var byIncident = periods.GroupBy(p => p.Number).ToList();
        var first = byIncident.Select(g => g.MinBy(p => p.Period)!);
        var last = byIncident.Select(g => g.MaxBy(p => p.Period)!);
        IEnumerable<IncidentPeriodRecord> rows = measure switch
        {
            IncidentMeasure.Raised => first,
            IncidentMeasure.Resolved => last.Where(p => p.ResolvedAt is not null),
            IncidentMeasure.Acknowledge => first.Where(p => p.AcknowledgedAt is not null)
                .Select(p => p with { Minutes = (p.AcknowledgedAt!.Value - p.RaisedAt).TotalMinutes }),
            IncidentMeasure.Resolve => last.Where(p => p.ResolvedAt is not null).Select(p => p with { Minutes = (p.ResolvedAt!.Value - p.RaisedAt).TotalMinutes }),
            IncidentMeasure.AcknowledgeLate => periods.Where(p => p.AcknowledgeLate),
            IncidentMeasure.ResolveLate => periods.Where(p => p.ResolveLate),
            IncidentMeasure.Reopens => periods.Where(p => p.Period > 0)
                .Select(p => p with { Minutes = ((p.ResolvedAt ?? asOf) - p.PeriodStartedAt).TotalMinutes }),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Not an incident measure."),
        };
        return [.. rows.OrderBy(p => p.Number, StringComparer.Ordinal).ThenBy(p => p.Period)];
    }

    /// <summary>Every period of the event's incidents begun before the moment, each as it stood then.</summary>
    private async Task<List<IncidentPeriodRecord>> PeriodsAsOfAsync(DateTimeOffset asOf, CancellationToken ct)
    {
        var eventId = (await events.GetCurrentAsync(ct)).Id;
        var rows = await (from p in db.Set<IncidentPeriod>().AsNoTracking()
                          join i in db.Set<Incident>().AsNoTracking() on p.IncidentId equals i.Id
                          where i.EventId == eventId && i.CreatedAt < asOf && p.StartedAt < asOf
                          select new { i.Number, i.Type, i.Severity, i.CreatedAt, Period = p }).ToListAsync(ct);
        return [.. rows.Select(r =>
        {
            var p = r.Period;
            var acknowledged = p.AcknowledgedAt < asOf ? p.AcknowledgedAt : null;
            var resolved = p.ResolvedAt < asOf ? p.ResolvedAt : null;
            var step = acknowledged is null ? "acknowledge" : resolved is null ? "resolve" : "done";
            return new IncidentPeriodRecord(Incident.Format(r.Number), r.Type, r.Severity, r.CreatedAt, p.Number, p.StartedAt, p.AcknowledgeDueAt,
                acknowledged, (acknowledged ?? asOf) > p.AcknowledgeDueAt, p.ResolveDueAt, resolved, (resolved ?? asOf) > p.ResolveDueAt, step, null);
        })];
    }
}
