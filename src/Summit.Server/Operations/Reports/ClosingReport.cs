using System.Globalization;
using System.Text;
using Summit.Server.Access.Monitoring;
using Summit.Server.Events;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Operations.Reports;

/// <summary>The event's closing report: what happened at the gates, with where each figure comes from.</summary>
public sealed record ClosingReport(string EventName, string EventNameZh, DateOnly StartDate, DateOnly EndDate, DateTimeOffset GeneratedAt, string GeneratedBy,
    AccessReportFigures Access);

/// <summary>
/// Builds the closing report from the modules' own records and exports it. Every figure carries the filter of the records
/// behind it (<see cref="ScanTrace"/>): the printed report links each number to that list, and the CSV names it in a column.
/// </summary>
public sealed class ClosingReportService(EventService events, AccessReportQueries access, AuditLog audit, CurrentActor actor, SummitDbContext db,
    Localizer localizer, TimeProvider clock)
{
    public const string TracePath = "/api/v1/reports/closing/trace";

    public async Task<ClosingReport> BuildAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        return new ClosingReport(summitEvent.Name, summitEvent.NameZh, summitEvent.StartDate, summitEvent.EndDate, clock.GetUtcNow(),
            (await actor.GetAsync()).Name, await access.FiguresAsync(ct));
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
