using System.Globalization;
using Summit.Access.Core;
using Summit.Server.Access.Monitoring;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Screening;
using Summit.Server.Screening.Ingestion;
using Summit.Server.Screening.Reporting;

namespace Summit.Server.Operations.Reports;

/// <summary>The closing report: /api/v1/reports, for the operations centre and the organizers.</summary>
public static class ReportApi
{
    public static RouteGroupBuilder MapReportApi(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("Reports").RequireAuthorization(Policies.ReportsRead);
        reports.MapGet("/closing", (ClosingReportService service, CancellationToken ct) => service.BuildAsync(ct))
            .WithSummary("The closing report's figures: attendance per day, zone and category; refusals by reason; entry conflicts; screening; incidents");
        reports.MapGet("/closing.csv", async (ClosingReportService service, HttpContext context, CancellationToken ct) =>
            {
                var (content, name) = await service.ExportCsvAsync(Language(context), ct);
                return TypedResults.File(content, "text/csv; charset=utf-8", name);
            })
            .WithSummary("The closing report as CSV: one figure per row, each with the link to the records it counts");
        reports.MapGet("/closing/trace", async (string? day, string? zone, string? category, string? reason, bool? admitted, ClosingReportService service,
                HttpContext context, CancellationToken ct) =>
            {
                var trace = new ScanTrace(ParseDay(day), Blank(zone), Blank(category), ParseReason(reason), admitted);
                return TypedResults.File(await service.TraceCsvAsync(trace, Language(context), ct), "text/csv; charset=utf-8", "summit-report-records.csv");
            })
            .WithSummary("The scans behind one figure of the closing report (CSV, with the holders' names: the read is audited)");
        reports.MapGet("/closing/screening", async (string? records, string? day, string? reason, string? status, bool? decided,
                ClosingReportService service, CancellationToken ct) =>
            {
                var trace = new ScreeningTrace(ParseRecords(records), ParseDay(day), ParseRefusalReason(reason), ParseStatus(status), decided);
                return TypedResults.File(await service.ScreeningTraceCsvAsync(trace, CultureInfo.CurrentUICulture.Name, ct), "text/csv; charset=utf-8",
                    "summit-report-screening-records.csv");
            })
            .WithSummary("The screening records behind one figure of the closing report (CSV: readings, refusal counters, holds or silences; audited)");
        return api;
    }

    private static ScreeningRecordKind ParseRecords(string? records) =>
        Blank(records) is { } text && Enum.TryParse<ScreeningRecordKind>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            && !int.TryParse(text, out _) ? parsed
        : throw new SummitException(SummitError.Of(ErrorCodes.ReportTraceInvalid, "records", records ?? ""));

    private static string? ParseRefusalReason(string? reason) =>
        Blank(reason) is not { } text ? null
        : RefusalReasons.All.FirstOrDefault(r => string.Equals(r, text, StringComparison.OrdinalIgnoreCase))
            ?? throw new SummitException(SummitError.Of(ErrorCodes.ReportTraceInvalid, "reason", text));

    private static HoldStatus? ParseStatus(string? status) =>
        Blank(status) is not { } text ? null
        : Enum.TryParse<HoldStatus>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _) ? parsed
        : throw new SummitException(SummitError.Of(ErrorCodes.ReportTraceInvalid, "status", text));

    private static string Language(HttpContext context) => CultureInfo.CurrentUICulture.Name;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateOnly? ParseDay(string? day) =>
        Blank(day) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed
        : throw new SummitException(SummitError.Of(ErrorCodes.ReportTraceInvalid, "day", text));

    private static ReasonCode? ParseReason(string? reason) =>
        Blank(reason) is not { } text ? null
        : Enum.TryParse<ReasonCode>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _) ? parsed
        : throw new SummitException(SummitError.Of(ErrorCodes.ReportTraceInvalid, "reason", text));
}
