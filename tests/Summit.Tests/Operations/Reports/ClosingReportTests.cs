using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Server;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Operations.Reports;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Operations.Reports;

/// <summary>
/// The closing report on a day of known scans: two delegates and a VIP through the main gate, one of them into the forum,
/// a second entry refused by anti-passback, a misread code. Every figure must equal the records its link lists.
/// </summary>
public class ClosingReportTests(AccessFactory app) : IClassFixture<AccessFactory>, IAsyncLifetime
{
    private static readonly DateOnly Day = new(2021, 9, 26);

    public async Task InitializeAsync()
    {
        if (await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Scans.AnyAsync()))
        {
            return;
        }

        var first = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        var second = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        var vip = await app.IssueCodeAsync(await app.ApprovedGuestAsync("VIP"));
        Assert.True((await app.ScanAsync(app.Venue.MainInToken, first)).Admitted);
        Assert.True((await app.ScanAsync(app.Venue.MainInToken, second)).Admitted);
        Assert.True((await app.ScanAsync(app.Venue.MainInToken, vip)).Admitted);
        Assert.True((await app.ScanAsync(app.Venue.ForumInToken, first, GateDirection.Entry)).Admitted);
        Assert.Equal(ReasonCode.AlreadyInside, (await app.ScanAsync(app.Venue.MainInToken, second)).Reason);
        Assert.Equal(ReasonCode.BadFormat, (await app.ScanAsync(app.Venue.MainInToken, "not a code")).Reason);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_figures_count_people_entries_and_refusals_per_day_zone_category_and_reason()
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var report = await (await operations.GetAsync("/api/v1/reports/closing")).OkAsync<ClosingReport>();

        var day = Assert.Single(report.Access.Days);
        Assert.Equal(new AccessDayTotalShape(Day, 3, 4, 2), new AccessDayTotalShape(day.Day, day.Persons, day.Entries, day.Refusals));
        Assert.Equal(
            [("MAIN", "Delegate", 2, 2), ("MAIN", "VIP", 1, 1), ("FORUM", "Delegate", 1, 1)],
            report.Access.Attendance.Select(r => (r.ZoneCode, r.CategoryCode, r.Persons, r.Entries)).ToList());
        Assert.Equal([(ReasonCode.BadFormat, 1), (ReasonCode.AlreadyInside, 1)],
            report.Access.Refusals.Select(r => (r.Reason, r.Scans)).OrderBy(r => r.Reason).ToList());
        Assert.Equal(0, report.Access.Conflicts);
    }

    [Fact]
    public async Task Each_figure_links_to_exactly_the_records_it_counts()
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var report = await (await operations.GetAsync("/api/v1/reports/closing")).OkAsync<ClosingReport>();

        foreach (var row in report.Access.Attendance)
        {
            var records = await RecordsAsync(operations, ClosingReportService.TraceLink(new(row.Day, row.ZoneCode, row.CategoryCode, Admitted: true)));
            Assert.Equal(row.Entries, records.Count);
            Assert.Equal(row.Persons, records.Select(r => r["guest"]).Distinct().Count());
            Assert.All(records, r => Assert.Equal(row.CategoryCode, r["category"]));
        }

        var day = report.Access.Days[0];
        var entries = await RecordsAsync(operations, ClosingReportService.TraceLink(new(day.Day, Admitted: true)));
        Assert.Equal(day.Entries, entries.Count);
        Assert.Equal(day.Persons, entries.Select(r => r["guest"]).Distinct().Count());
        var refusals = await RecordsAsync(operations, ClosingReportService.TraceLink(new(day.Day, Admitted: false)));
        Assert.Equal(day.Refusals, refusals.Count);
        Assert.All(refusals, r => Assert.Equal("refused", r["verdict"]));

        foreach (var row in report.Access.Refusals)
        {
            Assert.Equal(row.Scans, (await RecordsAsync(operations, ClosingReportService.TraceLink(new(row.Day, Reason: row.Reason, Admitted: false)))).Count);
        }

        // Looking at the records behind a figure reads names: it is in the audit log.
        Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries
            .AnyAsync(a => a.Action == AuditActions.ReportTraced)));
    }

    [Fact]
    public async Task The_csv_export_has_one_figure_per_row_with_its_link_and_is_audited()
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var response = await operations.GetAsync("/api/v1/reports/closing.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = Csv.Parse((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
        Assert.Equal(["section", "day", "zone", "category", "reason", "measure", "value", "records"], rows[0]);
        var persons = rows.Single(r => r[0] == "attendance" && r[2] == "MAIN" && r[3] == "Delegate" && r[5] == "persons");
        Assert.Equal("2", persons[6]);
        Assert.StartsWith(ClosingReportService.TracePath + "?day=2021-09-26&zone=MAIN&category=Delegate&admitted=true", persons[7]);
        Assert.Contains(rows, r => r[0] == "refusals" && r[4] == "Already inside: exit first" && r[6] == "1");

        Assert.True(await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries
            .AnyAsync(a => a.Action == AuditActions.ReportExported && a.Changes!.Contains("csv"))));
    }

    [Theory]
    [InlineData("?reason=NoSuchReason")]
    [InlineData("?reason=3")]
    [InlineData("?day=2021-13-40")]
    [InlineData("?day=yesterday")]
    public async Task A_malformed_trace_is_refused_with_its_reason(string query)
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var response = await operations.GetAsync(ClosingReportService.TracePath + query);
        await response.AssertProblemAsync(422, ErrorCodes.ReportTraceInvalid);
    }

    [Theory]
    [InlineData(Roles.GateOperator)]
    [InlineData(Roles.AccreditationOfficer)]
    public async Task Roles_outside_the_operations_centre_and_the_organizers_cannot_read_the_report(string role)
    {
        using var client = await app.ClientForAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/reports/closing")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(ClosingReportService.TracePath)).StatusCode);
    }

    [Theory]
    [InlineData("en", "Attendance per day, zone and category", "Already inside: exit first")]
    [InlineData("zh-Hans", "按日期、区域和类别的到场情况", "已在场内：请先出场")]
    public async Task The_printable_page_shows_the_figures_with_links_to_their_records_in_both_languages(string language, string heading, string reason)
    {
        var html = await app.PageAsync(Roles.OperationsCentre, "/operations/report", language);

        Assert.Contains(heading, html);
        Assert.Contains(reason, html);
        Assert.Contains("data-testid=\"report-print\"", html);
        Assert.Contains($"href=\"{ClosingReportService.TraceLink(new(Day, "MAIN", "Delegate", Admitted: true))}\"", html);
    }

    private static async Task<List<Dictionary<string, string>>> RecordsAsync(HttpClient client, string link)
    {
        var response = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Csv.Parse((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
        return [.. rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second))];
    }

    private sealed record AccessDayTotalShape(DateOnly Day, int Persons, int Entries, int Refusals);
}
