using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Monitoring;
using Summit.Server.Events;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Screening;
using Summit.Server.Screening.Reporting;

namespace Summit.Server.Operations.Reports;

/// <summary>The event's closing report: what happened at the gates and to every problem, with where each figure comes from.</summary>
public sealed record ClosingReport(string EventName, string EventNameZh, DateOnly StartDate, DateOnly EndDate, DateTimeOffset GeneratedAt, string GeneratedBy,
    AccessReportFigures Access, ScreeningReportFigures Screening, IReadOnlyList<IncidentTypeFigures> Incidents);

/// <summary>
/// Incidents of one type: how many, how many are done, the median minutes from raising to acknowledging and to resolving (of
/// those that got there), and SLA breaches: acknowledged or resolved after the target, or still not by now with the target past.
/// </summary>
public sealed record IncidentTypeFigures(IncidentType Type, int Raised, int Resolved, double? MedianMinutesToAcknowledge, double? MedianMinutesToResolve,
    int AcknowledgeBreaches, int ResolveBreaches);

/// <summary>
/// Builds the closing report from the modules' own records and exports it. Every figure carries the filter of the records
/// behind it (<see cref="ScanTrace"/>, <see cref="ScreeningTrace"/>): the printed report links each number to that list, and the
/// CSV names it in a column. Screening figures come from the screening module's own report queries, never its tables.
/// </summary>
public sealed class ClosingReportService(EventService events, AccessReportQueries access, ScreeningReportQueries screening, AuditLog audit,
    CurrentActor actor, SummitDbContext db, Localizer localizer, TimeProvider clock)
{
    public const string TracePath = "/api/v1/reports/closing/trace";
    public const string ScreeningTracePath = "/api/v1/reports/closing/screening";

    public async Task<ClosingReport> BuildAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var now = clock.GetUtcNow();
        return new ClosingReport(summitEvent.Name, summitEvent.NameZh, summitEvent.StartDate, summitEvent.EndDate, now,
            (await actor.GetAsync()).Name, await access.FiguresAsync(ct), await screening.FiguresAsync(ct), await IncidentFiguresAsync(summitEvent.Id, now, ct));
    }

    private async Task<List<IncidentTypeFigures>> IncidentFiguresAsync(Guid eventId, DateTimeOffset now, CancellationToken ct)
    {
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.EventId == eventId)
            .Select(i => new { i.Type, i.CreatedAt, i.AcknowledgedAt, i.ResolvedAt, i.AcknowledgeDueAt, i.ResolveDueAt }).ToListAsync(ct);
        return [.. incidents.GroupBy(i => i.Type).OrderBy(g => g.Key).Select(g => new IncidentTypeFigures(g.Key, g.Count(), g.Count(i => i.ResolvedAt is not null),
            ReportStatistics.Median(g.Where(i => i.AcknowledgedAt is not null).Select(i => (i.AcknowledgedAt!.Value - i.CreatedAt).TotalMinutes)),
            ReportStatistics.Median(g.Where(i => i.ResolvedAt is not null).Select(i => (i.ResolvedAt!.Value - i.CreatedAt).TotalMinutes)),
            g.Count(i => (i.AcknowledgedAt ?? now) > i.AcknowledgeDueAt),
            g.Count(i => (i.ResolvedAt ?? now) > i.ResolveDueAt)))];
    }

    /// <summary>The printed report leaves the system as the CSV does: recorded the same way.</summary>
    public Task RecordPrintAsync(CancellationToken ct = default) => RecordExportAsync("print", ct);

    private async Task RecordExportAsync(string format, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.ReportExported, "report", "closing", new Dictionary<string, (object?, object?)>
        {
            ["format"] = (null, format),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The report as CSV, one figure per row, in the caller's language, each row with the link to its records.</summary>
    public async Task<(byte[] Content, string FileName)> ExportCsvAsync(string language, CancellationToken ct = default)
    {
        var report = await BuildAsync(ct);
        var output = new StringBuilder();
        Csv.WriteRow(output, ["section", "day", "zone", "category", "reason", "measure", "value", "records"]);
        void Row(string section, DateOnly? day, string? zone, string? category, string? reason, string measure, int value, ScanTrace? trace) =>
            Csv.WriteRow(output, [section, day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), zone, category, reason, measure,
                value.ToString(CultureInfo.InvariantCulture), trace is null ? null : TraceLink(trace)]);

        foreach (var day in report.Access.Days)
        {
            Row("attendance-day", day.Day, null, null, null, "persons", day.Persons, new ScanTrace(day.Day, Admitted: true));
            Row("attendance-day", day.Day, null, null, null, "entries", day.Entries, new ScanTrace(day.Day, Admitted: true));
            Row("attendance-day", day.Day, null, null, null, "refusals", day.Refusals, new ScanTrace(day.Day, Admitted: false));
        }

        foreach (var row in report.Access.Attendance)
        {
            var trace = new ScanTrace(row.Day, row.ZoneCode, row.CategoryCode, Admitted: true);
            Row("attendance", row.Day, row.ZoneCode, row.CategoryCode, null, "persons", row.Persons, trace);
            Row("attendance", row.Day, row.ZoneCode, row.CategoryCode, null, "entries", row.Entries, trace);
        }

        foreach (var row in report.Access.Refusals)
        {
            Row("refusals", row.Day, null, null, localizer.Get(language, $"verdict.{row.Reason}"), "scans", row.Scans,
                new ScanTrace(row.Day, Reason: row.Reason, Admitted: false));
        }

        Row("entry-conflicts", null, null, null, null, "detected", report.Access.Conflicts, null);
        Row("entry-conflicts", null, null, null, null, "unresolved", report.Access.UnresolvedConflicts, null);
        Row("uploads", null, null, null, null, "late scans", report.Access.LateUploads, null);
        WriteScreening(output, report.Screening, language);
        foreach (var type in report.Incidents)
        {
            var link = IncidentsLink(type.Type);
            IncidentRow(output, type.Type, "raised", type.Raised, link);
            IncidentRow(output, type.Type, "resolved", type.Resolved, link);
            IncidentRow(output, type.Type, "median minutes to acknowledge", type.MedianMinutesToAcknowledge, link);
            IncidentRow(output, type.Type, "median minutes to resolve", type.MedianMinutesToResolve, link);
            IncidentRow(output, type.Type, "acknowledge SLA breaches", type.AcknowledgeBreaches, link);
            IncidentRow(output, type.Type, "resolve SLA breaches", type.ResolveBreaches, link);
        }

        await RecordExportAsync("csv", ct);
        // A UTF-8 byte order mark, so that spreadsheet programs read the Chinese text correctly.
        return ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(output.ToString())],
            string.Create(CultureInfo.InvariantCulture, $"summit-closing-report-{report.StartDate:yyyy-MM-dd}.csv"));
    }

    /// <summary>The records behind one figure as CSV: every scan with its time, gate, direction, verdict and holder.</summary>
    public async Task<byte[]> TraceCsvAsync(ScanTrace trace, string language, CancellationToken ct = default)
    {
        var scans = await access.TraceAsync(trace, ct);
        var output = new StringBuilder();
        Csv.WriteRow(output, ["scan", "scanned_at", "received_at", "gate", "direction", "source", "verdict", "reason", "late", "guest", "name", "category"]);
        foreach (var scan in scans)
        {
            Csv.WriteRow(output, [scan.Id.ToString(), scan.ScannedAt.ToString("O", CultureInfo.InvariantCulture),
                scan.ReceivedAt.ToString("O", CultureInfo.InvariantCulture), scan.GateCode, scan.Direction.ToString(), scan.Source.ToString(),
                scan.Admitted ? "admitted" : "refused", localizer.Get(language, $"verdict.{scan.Reason}"), scan.Late ? "yes" : "no",
                scan.GuestId?.ToString(), scan.HolderName, scan.CategoryCode]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(output.ToString())];
    }

    private void WriteScreening(StringBuilder output, ScreeningReportFigures figures, string language)
    {
        void Row(string section, DateOnly? day, string? reason, string measure, double? value, ScreeningTrace trace) =>
            Csv.WriteRow(output, [section, day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null, null, reason, measure,
                value?.ToString("0.#", CultureInfo.InvariantCulture), ScreeningTraceLink(trace)]);

        foreach (var day in figures.Days)
        {
            Row("screening-day", day.Day, null, "readings", day.Readings, new(ScreeningRecordKind.Readings, day.Day));
            Row("screening-day", day.Day, null, "fevers", day.Fevers, new(ScreeningRecordKind.Fevers, day.Day));
            Row("screening-day", day.Day, null, "holds placed", day.HoldsPlaced, new(ScreeningRecordKind.Holds, day.Day));
        }

        foreach (var refusal in figures.Refusals)
        {
            Row("screening-refusals", null, localizer.Get(language, $"screening.reason.{refusal.Reason}"), "messages", refusal.Messages,
                new(ScreeningRecordKind.Refusals, Reason: refusal.Reason));
        }

        Row("screening-holds", null, null, "placed", figures.HoldsPlaced, new(ScreeningRecordKind.Holds));
        Row("screening-holds", null, null, "cleared", figures.HoldsCleared, new(ScreeningRecordKind.Holds, Status: HoldStatus.Cleared));
        Row("screening-holds", null, null, "fever confirmed", figures.HoldsConfirmed, new(ScreeningRecordKind.Holds, Status: HoldStatus.FeverConfirmed));
        Row("screening-holds", null, null, "still open", figures.HoldsOpen, new(ScreeningRecordKind.Holds, Status: HoldStatus.Open));
        Row("screening-holds", null, null, "median minutes to decision", figures.MedianMinutesToDecision,
            new(ScreeningRecordKind.Holds, Decided: true));
        Row("screening-sensors", null, null, "went silent", figures.SilentSensors, new(ScreeningRecordKind.Silences));
        Row("screening-sensors", null, null, "silences", figures.Silences, new(ScreeningRecordKind.Silences));
    }

    /// <summary>The screening records behind one figure as CSV, with the columns of their kind.</summary>
    public async Task<byte[]> ScreeningTraceCsvAsync(ScreeningTrace trace, string language, CancellationToken ct = default)
    {
        var records = await screening.TraceAsync(trace, ct);
        var output = new StringBuilder();
        static string Time(DateTimeOffset? time) => time?.ToString("O", CultureInfo.InvariantCulture) ?? "";
        static string Number(double? value) => value?.ToString("0.0##", CultureInfo.InvariantCulture) ?? "";
        switch (trace.Records)
        {
            case ScreeningRecordKind.Readings or ScreeningRecordKind.Fevers:
                Csv.WriteRow(output, ["reading", "received_at", "measured_at", "sensor", "gate", "celsius", "fever", "sequence"]);
                foreach (var r in records.Readings)
                {
                    Csv.WriteRow(output, [r.Id.ToString(), Time(r.ReceivedAt), Time(r.MeasuredAt), r.SensorCode, r.GateCode, Number(r.Celsius),
                        r.Fever ? "yes" : "no", r.Sequence.ToString(CultureInfo.InvariantCulture)]);
                }

                break;
            case ScreeningRecordKind.Refusals:
                Csv.WriteRow(output, ["sender", "sensor", "reason", "messages", "last_at", "last_detail"]);
                foreach (var r in records.Refusals)
                {
                    Csv.WriteRow(output, [r.SensorKey, r.SensorCode, localizer.Get(language, $"screening.reason.{r.Reason}"),
                        r.Count.ToString(CultureInfo.InvariantCulture), Time(r.LastAt), r.LastDetail]);
                }

                break;
            case ScreeningRecordKind.Holds:
                Csv.WriteRow(output, ["hold", "raised_at", "gate", "sensor", "celsius", "threshold", "status", "remeasured_celsius", "decided_at",
                    "decided_by", "minutes_to_decision", "incident", "note"]);
                foreach (var h in records.Holds)
                {
                    Csv.WriteRow(output, [h.Id.ToString(), Time(h.RaisedAt), h.GateCode, h.SensorCode, Number(h.Celsius), Number(h.Threshold),
                        localizer.Get(language, $"enum.HoldStatus.{h.Status}"), Number(h.RemeasuredCelsius), Time(h.DecidedAt), h.DecidedBy,
                        h.MinutesToDecision?.ToString("0.##", CultureInfo.InvariantCulture), h.IncidentId?.ToString(), h.Note]);
                }

                break;
            case ScreeningRecordKind.Silences:
                Csv.WriteRow(output, ["silence", "sensor", "gate", "quiet_since", "reported_at", "ended_at"]);
                foreach (var s in records.Silences)
                {
                    Csv.WriteRow(output, [s.Id.ToString(), s.SensorCode, s.GateCode, Time(s.QuietSince), Time(s.ReportedAt), Time(s.EndedAt)]);
                }

                break;
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(output.ToString())];
    }

    /// <summary>The link to the screening records behind a figure (relative to the server).</summary>
    public static string ScreeningTraceLink(ScreeningTrace trace)
    {
        var query = new List<string> { "records=" + trace.Records.ToString().ToLowerInvariant() };
        if (trace.Day is { } day)
        {
            query.Add("day=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (trace.Reason is { } reason)
        {
            query.Add("reason=" + Uri.EscapeDataString(reason));
        }

        if (trace.Status is { } status)
        {
            query.Add("status=" + status);
        }

        if (trace.Decided is { } decided)
        {
            query.Add("decided=" + (decided ? "true" : "false"));
        }

        return ScreeningTracePath + "?" + string.Join('&', query);
    }

    /// <summary>The incidents behind an incident figure: the API's list of that type (every incident with its times and SLA targets).</summary>
    public static string IncidentsLink(IncidentType type) => $"/api/v1/incidents?type={type}";

    private static void IncidentRow(StringBuilder output, IncidentType type, string measure, double? value, string link) =>
        Csv.WriteRow(output, ["incidents", null, null, null, type.ToString(), measure,
            value?.ToString("0.#", CultureInfo.InvariantCulture), link]);

    /// <summary>The link to the records behind a figure (relative to the server).</summary>
    public static string TraceLink(ScanTrace trace)
    {
        var query = new List<string>();
        if (trace.Day is { } day)
        {
            query.Add("day=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (trace.ZoneCode is { } zone)
        {
            query.Add("zone=" + Uri.EscapeDataString(zone));
        }

        if (trace.CategoryCode is { } category)
        {
            query.Add("category=" + Uri.EscapeDataString(category));
        }

        if (trace.Reason is { } reason)
        {
            query.Add("reason=" + reason);
        }

        if (trace.Admitted is { } admitted)
        {
            query.Add("admitted=" + (admitted ? "true" : "false"));
        }

        return TracePath + (query.Count == 0 ? "" : "?" + string.Join('&', query));
    }
}
