using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Summit.Server.Access.Contracts;
using Summit.Server.Events.Contracts;
using Summit.Server.Incidents.Contracts;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Mail;
using Summit.Server.Programme.Contracts;
using Summit.Server.Screening.Contracts;

namespace Summit.Server.Operations.Reports;

/// <summary>
/// Builds the closing report from the modules' own report queries (never their tables) and exports it as CSV and PDF. Every figure
/// carries the link to the records behind it, bounded to the report's stamp (<see cref="ClosingReportLinks"/>); every export and
/// every look at the records is audited.
/// </summary>
public sealed class ClosingReportService(IEventCalendar events, IAccessReport access, IScreeningReport screening, IIncidentReport incidents,
    IProgrammeReport programme, AuditLog audit, CurrentActor actor, SummitDbContext db, Localizer localizer, TimeProvider clock, IOptions<MailOptions> mail)
{
    /// <summary>The stamp of a report: the moment asked for (to its minute), or the start of the current minute. A moment to come is refused.</summary>
    public DateTimeOffset StampOf(DateTimeOffset? asOf)
    {
        var now = clock.GetUtcNow();
        var stamp = ReportMoment.Of(asOf ?? now);
        return stamp > now ? throw new SummitException(SummitError.Of(ReportErrors.ReportAsOfInvalid, ReportMoment.Format(stamp))) : stamp;
    }

    public async Task<ClosingReport> BuildAsync(DateTimeOffset? asOf = null, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var stamp = StampOf(asOf);
        return new ClosingReport(summitEvent.Name, summitEvent.NameZh, summitEvent.StartDate, summitEvent.EndDate, summitEvent.TimeZoneId, stamp,
            clock.GetUtcNow(), (await actor.GetAsync()).Name, await access.FiguresAsync(stamp, ct), await screening.FiguresAsync(stamp, ct),
            await incidents.FiguresAsync(stamp, ct), await programme.FiguresAsync(stamp, ct));
    }

    /// <summary>The report laid out for the page and the PDF, in a language.</summary>
    public ReportDocument Document(ClosingReport report, string language) =>
        ClosingReportDocument.Build(report, localizer, language, mail.Value.PublicBaseUrl);

    /// <summary>The printed report leaves the system as the CSV does: recorded the same way, with its stamp.</summary>
    public Task RecordPrintAsync(DateTimeOffset asOf, CancellationToken ct = default) => RecordExportAsync("print", asOf, ct);

    /// <summary>The report as CSV, one figure per row, in the caller's language, each row with the link to its records.</summary>
    public async Task<(byte[] Content, string FileName)> ExportCsvAsync(DateTimeOffset? asOf, string language, CancellationToken ct = default)
    {
        var report = await BuildAsync(asOf, ct);
        await RecordExportAsync("csv", report.AsOf, ct);
        return (ClosingReportCsv.Figures(report, localizer, language), FileName(report, "csv"));
    }

    /// <summary>The report as a PDF to sign and file: the stamp, every table and its definitions, each figure a link to its records.</summary>
    public async Task<(byte[] Content, string FileName)> ExportPdfAsync(DateTimeOffset? asOf, string language, CancellationToken ct = default)
    {
        var report = await BuildAsync(asOf, ct);
        await RecordExportAsync("pdf", report.AsOf, ct);
        var pdf = ClosingReportPdf.Render(Document(report, language), mail.Value.PublicBaseUrl, ReportMoment.Format(report.AsOf));
        return (pdf, FileName(report, "pdf"));
    }

    /// <summary>The scans behind one figure as CSV.</summary>
    public async Task<byte[]> TraceCsvAsync(ScanTrace trace, string language, CancellationToken ct = default) =>
        ClosingReportCsv.Scans(await access.TraceAsync(trace with { AsOf = StampOf(trace.AsOf) }, ct), localizer, language);

    /// <summary>The double entries behind the offline-gate figures as CSV.</summary>
    public async Task<byte[]> ConflictsCsvAsync(DateTimeOffset? asOf, bool unresolvedOnly, CancellationToken ct = default) =>
        ClosingReportCsv.Conflicts(await access.ConflictsAsync(StampOf(asOf), unresolvedOnly, ct));

    /// <summary>The screening records behind one figure as CSV, with the columns of their kind.</summary>
    public async Task<byte[]> ScreeningTraceCsvAsync(ScreeningTrace trace, string language, CancellationToken ct = default) =>
        ClosingReportCsv.Screening(await screening.TraceAsync(trace with { AsOf = StampOf(trace.AsOf) }, ct), localizer, language);

    /// <summary>The incident periods behind one incident figure as CSV, with the times the figure is computed from.</summary>
    public async Task<byte[]> IncidentsCsvAsync(IncidentTrace trace, string language, CancellationToken ct = default) =>
        ClosingReportCsv.Incidents(await incidents.TraceAsync(trace with { AsOf = StampOf(trace.AsOf) }, ct), localizer, language);

    private async Task RecordExportAsync(string format, DateTimeOffset asOf, CancellationToken ct)
    {
        await audit.RecordAsync(AuditActions.ReportExported, "report", "closing", new Dictionary<string, (object?, object?)>
        {
            ["format"] = (null, format),
            ["asOf"] = (null, ReportMoment.Format(asOf)),
        });
        await db.SaveChangesAsync(ct);
    }

    private static string FileName(ClosingReport report, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"summit-closing-report-{report.AsOf.ToUniversalTime():yyyy-MM-dd'T'HHmm'Z'}.{extension}");

    /// <summary>Text as a spreadsheet program reads it: UTF-8 with a byte order mark, so that the Chinese text shows correctly.</summary>
    internal static byte[] Utf8WithMark(StringBuilder text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
}
