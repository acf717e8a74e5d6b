using System.Globalization;
using Summit.Server.Access.Contracts;
using Summit.Server.Incidents.Contracts;
using Summit.Server.Infrastructure;
using Summit.Server.Screening.Contracts;

namespace Summit.Server.Operations.Reports;

/// <summary>
/// The links of the closing report (relative to the server): to the report itself pinned to its stamp, and from each figure to the
/// records it counts, bounded to the same stamp. The page, the CSV and the PDF all take them from here.
/// </summary>
public static class ClosingReportLinks
{
    public const string PagePath = "/operations/report";
    public const string ReportPath = "/api/v1/reports/closing";
    public const string TracePath = "/api/v1/reports/closing/trace";
    public const string ScreeningTracePath = "/api/v1/reports/closing/screening";
    public const string ConflictsPath = "/api/v1/reports/closing/conflicts";
    public const string IncidentsPath = "/api/v1/reports/closing/incidents";

    /// <summary>The report page pinned to its stamp: opening it later shows the same figures.</summary>
    public static string Page(DateTimeOffset asOf) => PagePath + "?asOf=" + ReportMoment.Format(asOf);

    public static string Csv(DateTimeOffset asOf) => ReportPath + ".csv?asOf=" + ReportMoment.Format(asOf);

    public static string Pdf(DateTimeOffset asOf) => ReportPath + ".pdf?asOf=" + ReportMoment.Format(asOf);

    /// <summary>The scans behind a gate figure.</summary>
    public static string Scans(ScanTrace trace) => Build(TracePath, trace.AsOf,
    [
        ("day", Day(trace.Day)),
        ("span", Span(trace.Span)),
        ("zone", trace.ZoneCode),
        ("category", trace.CategoryCode),
        ("reason", trace.Reason?.ToString()),
        ("admitted", Flag(trace.Admitted)),
        ("late", Flag(trace.Late)),
        ("from", trace.From is { } from ? ReportMoment.Format(from) : null),
        ("until", trace.Until is { } until ? ReportMoment.Format(until) : null),
    ]);

    /// <summary>The double entries behind the offline-gate figures (only those unresolved at the stamp, if asked).</summary>
    public static string Conflicts(DateTimeOffset asOf, bool unresolvedOnly = false) =>
        Build(ConflictsPath, asOf, [("unresolved", unresolvedOnly ? "true" : null)]);

    /// <summary>The screening records behind a screening figure.</summary>
    public static string Screening(ScreeningTrace trace) => Build(ScreeningTracePath, trace.AsOf,
    [
        ("records", trace.Records.ToString().ToLowerInvariant()),
        ("day", Day(trace.Day)),
        ("span", Span(trace.Span)),
        ("reason", trace.Reason),
        ("status", trace.Status?.ToString()),
        ("decided", Flag(trace.Decided)),
    ]);

    /// <summary>The incident periods behind an incident figure.</summary>
    public static string Incidents(IncidentTrace trace) => Build(IncidentsPath, trace.AsOf,
    [
        ("measure", MeasureName(trace.Measure)),
        ("type", trace.Type?.ToString()),
    ]);

    /// <summary>The measure as links write it: raised, resolved, acknowledge, resolve, acknowledge-late, resolve-late, reopens.</summary>
    public static string MeasureName(IncidentMeasure measure) => measure switch
    {
        IncidentMeasure.AcknowledgeLate => "acknowledge-late",
        IncidentMeasure.ResolveLate => "resolve-late",
        _ => measure.ToString().ToLowerInvariant(),
    };

    private static string Build(string path, DateTimeOffset asOf, IEnumerable<(string Name, string? Value)> parameters) =>
        path + "?asOf=" + ReportMoment.Format(asOf)
        + string.Concat(parameters.Where(p => p.Value is not null).Select(p => "&" + p.Name + "=" + Uri.EscapeDataString(p.Value!)));

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Span(ReportSpan? span) => span?.ToString().ToLowerInvariant();

    private static string? Flag(bool? value) => value is { } flag ? (flag ? "true" : "false") : null;
}
