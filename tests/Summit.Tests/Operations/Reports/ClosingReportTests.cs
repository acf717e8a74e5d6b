using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Server.Access.Contracts;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Operations.Reports;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Operations.Reports;

public class ClosingReportTests(ClosingReportFactory app) : IClassFixture<ClosingReportFactory>
{
    private static readonly DateOnly SetUpDay = new(2021, 9, 25);
    private static readonly DateOnly FirstDay = new(2021, 9, 26);
    private static readonly DateOnly SecondDay = new(2021, 9, 27);
    private static readonly DateOnly LastDay = new(2021, 9, 28);

    [Fact]
    public async Task Every_event_day_is_listed_people_count_once_over_the_whole_event_and_per_zone_and_other_days_stand_apart()
    {
        var access = (await ReportAsync(app.SecondStamp)).Access;

        Assert.Equal(
            [(SetUpDay, false, 1, 1, 0), (FirstDay, true, 3, 5, 2), (SecondDay, true, 2, 3, 0), (LastDay, true, 0, 0, 0)],
            access.Days.Select(d => (d.Day, d.WithinEvent, d.Persons, d.Entries, d.Refusals)).ToList());
        // Three people came, not 3 + 2: the second day's two had come on the first.
        Assert.Equal(new AccessSpanTotal(3, 8, 2), access.Event);
        Assert.Equal(new AccessSpanTotal(1, 1, 0), access.Outside);
        Assert.Equal(new Dictionary<string, (int, int)> { ["MAIN"] = (3, 6), ["FORUM"] = (1, 1), ["VIP"] = (1, 1) },
            access.Zones.ToDictionary(z => z.ZoneCode, z => (z.Persons, z.Entries)));
        Assert.Equal([(ReasonCode.BadFormat, 1), (ReasonCode.AlreadyInside, 1)],
            access.Refusals.Select(r => (r.Reason, r.Scans)).OrderBy(r => r.Reason).ToList());
        Assert.Equal((1, 0, 2), (access.Conflicts, access.UnresolvedConflicts, access.LateUploads));
    }

    [Fact]
    public async Task Attendance_by_category_keeps_the_category_held_when_entering_after_a_change()
    {
        var access = (await ReportAsync(app.SecondStamp)).Access;
        Assert.Equal(
            [
                (SetUpDay, false, "MAIN", "Delegate", 1, 1),
                (FirstDay, true, "MAIN", "Delegate", 2, 2), (FirstDay, true, "MAIN", "VIP", 1, 1), (FirstDay, true, "FORUM", "Delegate", 1, 1),
                (FirstDay, true, "VIP", "VIP", 1, 1),
                (SecondDay, true, "MAIN", "Delegate", 1, 1), (SecondDay, true, "MAIN", "VIP", 1, 2),
            ],
            access.Attendance.Select(r => (r.Day, r.WithinEvent, r.ZoneCode, r.CategoryCode, r.Persons, r.Entries)).ToList());

        // The second delegate is a VIP now; their entry of the first morning still counts, and is listed, as a delegate's.
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var delegates = await ReportRecords.RecordsAsync(operations,
            ClosingReportLinks.Scans(new ScanTrace(app.SecondStamp, FirstDay, "MAIN", "Delegate", Admitted: true)));
        Assert.Contains(delegates, r => r["guest"] == app.SecondDelegate.ToString());
        Assert.All(delegates, r => Assert.Equal("Delegate", r["category_at_entry"]));
        Assert.Equal(app.Categories["VIP"].Id, await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Guests
            .Where(g => g.Id == app.SecondDelegate).Select(g => g.CategoryId).FirstAsync()));

        // After the change, their entries count as a VIP's.
        var now = (await ReportAsync(null)).Access;
        Assert.Contains(now.Attendance, r => r is { CategoryCode: "VIP", ZoneCode: "MAIN", Persons: 2, Entries: 3 } && r.Day == SecondDay);
    }

    [Fact]
    public async Task Every_figure_of_both_reports_is_recomputed_from_its_own_links()
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var tracesBefore = await AuditsAsync(AuditActions.ReportTraced);

        Assert.True(await ReportRecords.RecomputeEveryFigureAsync(operations, app.SecondFigures) > 40);
        Assert.True(await ReportRecords.RecomputeEveryFigureAsync(operations, app.FirstFigures) > 20);
        Assert.True(await ReportRecords.RecomputeEveryFigureAsync(operations, await ReportRecords.FiguresAsync(operations)) > 40);

        // Every look at the records reads names: it is in the audit log.
        Assert.True(await AuditsAsync(AuditActions.ReportTraced) > tracesBefore + 40);
    }

    [Fact]
    public async Task Reports_printed_at_two_moments_say_the_same_when_rebuilt_from_their_stamps_after_more_scans_arrived()
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        Assert.Equal(ReportMoment.Of(AccessFactory.FirstMorning.AddMinutes(5)), app.FirstStamp);

        var (_, first, firstCsv) = await ClosingReportFactory.PrintAsync(operations, app.FirstStamp);
        var (_, second, secondCsv) = await ClosingReportFactory.PrintAsync(operations, app.SecondStamp);
        var (nowStamp, now, _) = await ClosingReportFactory.PrintAsync(operations);

        Assert.Equal(app.FirstReport, first);
        Assert.Equal(app.SecondReport, second);
        Assert.Equal(Without("built", app.FirstFigures), Without("built", firstCsv));
        Assert.Equal(Without("built", app.SecondFigures), Without("built", secondCsv));
        Assert.NotEqual(second, now);
        Assert.True(nowStamp > app.SecondStamp);

        // The first report had neither the second day nor the offline gates.
        var early = (await ReportAsync(app.FirstStamp)).Access;
        Assert.Equal((3, 4, 2), early.Days.Where(d => d.Day == FirstDay).Select(d => (d.Persons, d.Entries, d.Refusals)).Single());
        Assert.Equal((0, 0, 0), (early.Conflicts, early.LateUploads, early.Days.Single(d => d.Day == SecondDay).Entries));
        Assert.DoesNotContain(early.Attendance, r => r.ZoneCode == "VIP");
    }

    [Fact]
    public async Task A_double_entry_resolved_after_the_stamp_is_still_open_in_the_report_of_that_moment()
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var between = ReportMoment.Of(app.ConflictFoundAt.AddMinutes(3));
        var access = (await ReportAsync(between)).Access;
        Assert.Equal((1, 1), (access.Conflicts, access.UnresolvedConflicts));

        var open = Assert.Single(await ReportRecords.RecordsAsync(operations, ClosingReportLinks.Conflicts(between, unresolvedOnly: true)));
        Assert.Equal(("MAIN", "A1", "A3", ""), (open["zone"], open["first_gate"], open["second_gate"], open["resolved_at"]));
        Assert.Equal("", open["resolution"]);
        var resolved = Assert.Single(await ReportRecords.RecordsAsync(operations, ClosingReportLinks.Conflicts(app.SecondStamp)));
        Assert.Equal("Two lanes were offline at once; one visit", resolved["resolution"]);
        Assert.Empty(await ReportRecords.RecordsAsync(operations, ClosingReportLinks.Conflicts(app.SecondStamp, unresolvedOnly: true)));

        var late = await ReportRecords.RecordsAsync(operations, ClosingReportLinks.Scans(new ScanTrace(app.SecondStamp, Late: true)));
        Assert.Equal(2, late.Count);
        Assert.All(late, r => Assert.Equal("yes", r["late"]));
    }

    [Fact]
    public async Task The_csv_export_starts_with_the_stamp_has_one_figure_per_row_with_its_link_and_is_audited()
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var response = await operations.GetAsync(ClosingReportLinks.Csv(app.SecondStamp));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("summit-closing-report-2021-09-27T0120Z.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        var rows = Csv.Parse((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
        Assert.Equal(["report", "", "", "", "", "as of", "2021-09-27T01:20:00Z", "/operations/report?asOf=2021-09-27T01:20:00Z"], rows[1]);
        var persons = rows.Single(r => r[0] == "attendance" && r[1] == "2021-09-26" && r[2] == "MAIN" && r[3] == "Delegate" && r[5] == "persons");
        Assert.Equal("2", persons[6]);
        Assert.Equal(ClosingReportLinks.TracePath + "?asOf=2021-09-27T01:20:00Z&day=2021-09-26&zone=MAIN&category=Delegate&admitted=true", persons[7]);
        Assert.Contains(rows, r => r[0] == "attendance-day-outside" && r[1] == "2021-09-25" && r[5] == "persons" && r[6] == "1");
        Assert.Contains(rows, r => r[0] == "attendance-day" && r[1] == "2021-09-28" && r[5] == "entries" && r[6] == "0");
        Assert.Contains(rows, r => r[0] == "attendance-event" && r[5] == "persons" && r[6] == "3");
        Assert.Contains(rows, r => r[0] == "refusals" && r[4] == "Already inside: exit first" && r[6] == "1");

        Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries
            .AnyAsync(a => a.Action == AuditActions.ReportExported && a.Changes!.Contains("csv") && a.Changes!.Contains("2021-09-27T01:20:00Z"))));
    }

    [Fact]
    public async Task The_page_and_the_csv_show_the_same_figures_with_the_same_links()
    {
        var (report, document) = await app.InScopeAsync(async sp =>
        {
            var service = sp.GetRequiredService<ClosingReportService>();
            var built = await service.BuildAsync(app.SecondStamp);
            return (built, service.Document(built, "en"));
        });
        var figures = app.SecondFigures.Skip(1).Select(r => (Link: r[7], Value: r[6])).ToHashSet();
        var cells = document.Sections.SelectMany(s => s.Tables).SelectMany(t => t.Rows).SelectMany(r => r.Cells).Where(c => c.Link is not null).ToList();
        Assert.True(cells.Count > 40);
        Assert.All(cells, c => Assert.Contains((c.Link!, c.Text == "–" ? "" : c.Text), figures));
        Assert.Equal(app.SecondStamp, report.AsOf);
    }

    [Theory]
    [InlineData("?asOf=yesterday")]
    [InlineData("?asOf=2021-09-27T01:20:00")]
    [InlineData("?asOf=")]
    [InlineData("?asOf=2030-01-01T00:00:00Z")]
    public async Task A_stamp_that_is_no_past_moment_is_refused_with_its_reason(string query)
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        await (await operations.GetAsync(ClosingReportLinks.ReportPath + query)).AssertProblemAsync(422, ReportErrors.ReportAsOfInvalid);
        await (await operations.GetAsync(ClosingReportLinks.TracePath + query)).AssertProblemAsync(422, ReportErrors.ReportAsOfInvalid);
    }

    [Theory]
    [InlineData("?reason=NoSuchReason")]
    [InlineData("?reason=3")]
    [InlineData("?day=2021-13-40")]
    [InlineData("?day=yesterday")]
    [InlineData("?span=always")]
    public async Task A_malformed_trace_is_refused_with_its_reason(string query)
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        await (await operations.GetAsync(ClosingReportLinks.TracePath + query)).AssertProblemAsync(422, ReportErrors.ReportTraceInvalid);
    }

    [Theory]
    [InlineData(Roles.GateOperator)]
    [InlineData(Roles.AccreditationOfficer)]
    public async Task Roles_outside_the_operations_centre_and_the_organizers_cannot_read_the_report(string role)
    {
        using var client = await app.ClientForAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(ClosingReportLinks.ReportPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(ClosingReportLinks.Pdf(app.SecondStamp))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(ClosingReportLinks.TracePath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(ClosingReportLinks.Conflicts(app.SecondStamp))).StatusCode);
    }

    [Theory]
    [InlineData("en", "Attendance per day, zone and category", "Already inside: exit first", "Outside the event's dates",
        "the category signed into the code they scanned")]
    [InlineData("zh-Hans", "按日期、区域和类别的到场情况", "已在区域内：请先出场", "活动日期之外", "即其所扫凭证中签入的类别")]
    public async Task The_page_pinned_to_a_stamp_shows_the_figures_linked_to_their_records_with_the_definitions_in_both_languages(string language,
        string heading, string reason, string outside, string definition)
    {
        var html = await app.PageAsync(Roles.OperationsCentre, ClosingReportLinks.Page(app.SecondStamp), language);

        Assert.Contains("data-as-of=\"2021-09-27T01:20:00Z\"", html, StringComparison.Ordinal);
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains(reason, html, StringComparison.Ordinal);
        Assert.Contains(outside, html, StringComparison.Ordinal);
        Assert.Contains(definition, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"report-print\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ClosingReportLinks.Scans(new(app.SecondStamp, FirstDay, "MAIN", "Delegate", Admitted: true))}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ClosingReportLinks.Pdf(app.SecondStamp)}\"", html, StringComparison.Ordinal);
        Assert.Contains("2021-09-27 09:20", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Closing report", "As of 2021-09-27 09:20 CST (UTC+8) (2021-09-27T01:20:00Z)", "Test Summit · 测试峰会",
        "Outside the event's dates: records of days before the first", "Minutes to first acknowledgement: from raising")]
    [InlineData("zh-Hans", "闭幕报告", "截至 2021-09-27 09:20 CST (UTC+8)（2021-09-27T01:20:00Z）", "测试峰会 · Test Summit",
        "活动日期之外：活动首日之前或末日之后的记录", "首次确认用时：自上报至事件首次被确认")]
    public async Task The_pdf_has_the_stamp_every_table_and_the_definitions_as_text_in_both_languages(string language, string title, string stamp,
        string eventName, string outside, string acknowledgement)
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        using var request = new HttpRequestMessage(HttpMethod.Get, ClosingReportLinks.Pdf(app.SecondStamp));
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await operations.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));

        var text = Normalize(await PdfTextAsync(pdf));
        Assert.Contains(Normalize(title), text, StringComparison.Ordinal);
        Assert.Contains(Normalize(stamp), text, StringComparison.Ordinal);
        Assert.Contains(Normalize(eventName), text, StringComparison.Ordinal);
        Assert.Contains(Normalize(outside), text, StringComparison.Ordinal);
        Assert.Contains(Normalize(acknowledgement), text, StringComparison.Ordinal);
        Assert.Contains("2021-09-28", text, StringComparison.Ordinal);
        // Each figure is a link to its records, absolute on the server's public address and bounded to the stamp.
        Assert.Contains("(http://summit.test/api/v1/reports/closing/trace?asOf=2021-09-27T01:20:00Z&day=2021-09-26&zone=MAIN&category=Delegate&admitted=true)",
            Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);
        Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries
            .AnyAsync(a => a.Action == AuditActions.ReportExported && a.Changes!.Contains("pdf"))));
    }

    private async Task<ClosingReport> ReportAsync(DateTimeOffset? asOf)
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        return await ReportRecords.ReportAsync(operations, asOf);
    }

    private Task<int> AuditsAsync(string action) =>
        app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.CountAsync(a => a.Action == action));

    private static List<string[]> Without(string measure, List<string[]> rows) => [.. rows.Where(r => r.Length < 6 || r[5] != measure)];

    /// <summary>
    /// Text without its white space (lines wrap where the page ends, between words or between two Chinese characters), in its
    /// compatibility form: the CJK font maps a few ideographs and their Kangxi radical twins (日 and ⽇) to one glyph, and a reader may
    /// give back either.
    /// </summary>
    private static string Normalize(string text) => string.Concat(text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The text of a PDF as poppler's pdftotext reads it: a reader that owes nothing to the code that wrote it.</summary>
    internal static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"summit-report-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { ArgumentList = { "-enc", "UTF-8", path, "-" }, RedirectStandardOutput = true, RedirectStandardError = true };
            Process? started;
            try
            {
                started = Process.Start(start);
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("pdftotext is missing: apt-get install poppler-utils (scripts/test.sh installs it).", e);
            }

            using var process = started ?? throw new InvalidOperationException("pdftotext did not start.");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"pdftotext failed (exit {process.ExitCode}): {await errors}");
            return await output;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
