using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Summit.Access.Core;
using Summit.Server.Access.Contracts;
using Summit.Server.Incidents.Contracts;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Screening.Contracts;

namespace Summit.Server.Operations.Reports;

/// <summary>
/// The closing report: /api/v1/reports, for the operations centre and the organizers. Every endpoint takes <c>asOf</c>, the report's
/// stamp (a past instant, taken to its minute; now when left out): the figures and their records as they stood at that moment.
/// </summary>
public static class ReportApi
{
    public static RouteGroupBuilder MapReportApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Policies.ReportsRead);
        reports.MapGet("/closing", (string? asOf, ClosingReportService service, CancellationToken ct) => service.BuildAsync(ParseAsOf(asOf), ct))
            .WithSummary("The closing report's figures as of a moment: attendance per day, zone and category; refusals; offline gates; screening; incidents");
        reports.MapGet("/closing.csv", async (string? asOf, ClosingReportService service, CancellationToken ct) =>
            {
                var (content, name) = await service.ExportCsvAsync(ParseAsOf(asOf), Language(), ct);
                return TypedResults.File(content, "text/csv; charset=utf-8", name);
            })
            .WithSummary("The closing report as CSV: its stamp, then one figure per row, each with the link to the records it counts");
        reports.MapGet("/closing.pdf", async (string? asOf, ClosingReportService service, CancellationToken ct) =>
            {
                var (content, name) = await service.ExportPdfAsync(ParseAsOf(asOf), Language(), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithSummary("The closing report as a PDF to sign and file: the stamp, every table with its definitions, each figure linked to its records");
        reports.MapGet("/closing/trace", async (string? asOf, string? day, string? span, string? zone, string? category, string? reason, bool? admitted,
                bool? late, string? from, string? until, ClosingReportService service, CancellationToken ct) =>
            {
                var trace = new ScanTrace(service.StampOf(ParseAsOf(asOf)), ParseDay(day), Blank(zone), Blank(category), ParseReason(reason), admitted,
                    ParseSpan(span), late, ParseMoment("from", from), ParseMoment("until", until));
                return Csv(await service.TraceCsvAsync(trace, Language(), ct), "summit-report-scans", trace.AsOf);
            })
            .WithSummary("The scans behind one figure of the closing report (CSV, with the holders' names: the read is audited)");
        reports.MapGet("/closing/conflicts", async (string? asOf, bool? unresolved, ClosingReportService service, CancellationToken ct) =>
            {
                var stamp = service.StampOf(ParseAsOf(asOf));
                return Csv(await service.ConflictsCsvAsync(stamp, unresolved ?? false, ct), "summit-report-double-entries", stamp);
            })
            .WithSummary("The double entries behind the offline-gate figures (CSV, with both scans and the holder: audited)");
        reports.MapGet("/closing/screening", async (string? asOf, string? records, string? day, string? span, string? reason, string? status, bool? decided,
                ClosingReportService service, CancellationToken ct) =>
            {
                var trace = new ScreeningTrace(ParseRecords(records), service.StampOf(ParseAsOf(asOf)), ParseDay(day), ParseRefusalReason(reason),
                    ParseStatus(status), decided, ParseSpan(span));
                return Csv(await service.ScreeningTraceCsvAsync(trace, Language(), ct), "summit-report-screening", trace.AsOf);
            })
            .WithSummary("The screening records behind one figure of the closing report (CSV: readings, refusal counters, holds or silences; audited)");
        reports.MapGet("/closing/incidents", async (string? asOf, string? measure, string? type, ClosingReportService service, CancellationToken ct) =>
            {
                var trace = new IncidentTrace(service.StampOf(ParseAsOf(asOf)), ParseMeasure(measure), ParseType(type));
                return Csv(await service.IncidentsCsvAsync(trace, Language(), ct), "summit-report-incidents", trace.AsOf);
            })
            .WithSummary("The incident periods behind one incident figure (CSV with raising, targets, acknowledgement and resolution times; audited)");
        return api;
    }

    private static FileContentHttpResult Csv(byte[] content, string name, DateTimeOffset asOf) =>
        TypedResults.File(content, "text/csv; charset=utf-8", string.Create(CultureInfo.InvariantCulture, $"{name}-{asOf:yyyy-MM-dd'T'HHmm'Z'}.csv"));

    private static DateTimeOffset? ParseAsOf(string? asOf) =>
        asOf is null ? null
        : ReportMoment.TryParse(asOf, out var stamp) ? stamp
        : throw new SummitException(SummitError.Of(ReportErrors.ReportAsOfInvalid, asOf.Length > 40 ? asOf[..40] + "…" : asOf));

    private static DateTimeOffset? ParseMoment(string name, string? moment) =>
        Blank(moment) is not { } text ? null
        : ReportMoment.TryParse(text, out var parsed) ? parsed
        : throw Invalid(name, text);

    private static ScreeningRecordKind ParseRecords(string? records) =>
        Blank(records) is { } text && Enum.TryParse<ScreeningRecordKind>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            && !int.TryParse(text, out _) ? parsed
        : throw Invalid("records", records ?? "");

    private static string? ParseRefusalReason(string? reason) =>
        Blank(reason) is not { } text ? null
        : RefusalReasons.All.FirstOrDefault(r => string.Equals(r, text, StringComparison.OrdinalIgnoreCase)) ?? throw Invalid("reason", text);

    private static HoldStatus? ParseStatus(string? status) => ParseEnum<HoldStatus>("status", status);

    private static ReportSpan? ParseSpan(string? span) => ParseEnum<ReportSpan>("span", span);

    private static IncidentType? ParseType(string? type) => ParseEnum<IncidentType>("type", type);

    private static IncidentMeasure ParseMeasure(string? measure) =>
        Enum.GetValues<IncidentMeasure>().Where(m => string.Equals(ClosingReportLinks.MeasureName(m), Blank(measure), StringComparison.OrdinalIgnoreCase))
            .Select(m => (IncidentMeasure?)m).FirstOrDefault() ?? throw Invalid("measure", measure ?? "");

    private static ReasonCode? ParseReason(string? reason) => ParseEnum<ReasonCode>("reason", reason);

    private static TEnum? ParseEnum<TEnum>(string name, string? value) where TEnum : struct, Enum =>
        Blank(value) is not { } text ? null
        : Enum.TryParse<TEnum>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _) ? parsed
        : throw Invalid(name, text);

    private static string Language() => CultureInfo.CurrentUICulture.Name;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? ParseDay(string? day) =>
        Blank(day) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed
        : throw Invalid("day", text);

    private static SummitException Invalid(string name, string value) =>
        new(SummitError.Of(ReportErrors.ReportTraceInvalid, name, value.Length > 64 ? value[..64] + "…" : value));
}
