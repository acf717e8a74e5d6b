using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using Summit.Server;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Operations.Reports;
using Summit.Server.Screening;
using Summit.Server.Screening.Holds;
using Summit.Server.Screening.Ingestion;
using Summit.Server.Screening.Reporting;
using Summit.Server.Screening.Sensors;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Screening;

namespace Summit.Tests.Operations.Reports;

/// <summary>
/// The closing report's screening section on a known morning: three sensors enrolled and found silent before their first reading;
/// five readings through the in-process broker, three of them fevers on two lanes (two holds: a fever at a lane already held places
/// none); a badly signed and an out-of-range message refused; one hold cleared after 4 minutes, the other confirmed after 10;
/// then every sensor silent again. Every figure must equal the records its link lists.
/// </summary>
public class ClosingReportScreeningTests(ScreeningFactory app) : IClassFixture<ScreeningFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        if (await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<SensorReading>().AnyAsync()))
        {
            return;
        }

        var watch = app.Services.GetRequiredService<SensorSilenceWatch>();
        var forum = await app.EnrolSensorAsync(app.Venue.ForumIn.Id);
        var vip = await app.EnrolSensorAsync(app.Venue.VipIn.Id);
        var main = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await watch.CheckAsync();

        var before = app.Processed;
        await PublishAsync(forum, app.Reading(forum, 36.5, 1), app.Reading(forum, 38.4, 2), app.Reading(forum, 38.6, 3),
            SensorMessages.Payload(forum.Sensor.Code, "sss_not-the-secret", 36.6, app.Clock.GetUtcNow(), 4), app.Reading(forum, 52.0, 5));
        await PublishAsync(vip, app.Reading(vip, 38.9, 1));
        await PublishAsync(main, app.Reading(main, 36.4, 1));
        await app.WaitForProcessedAsync(before, 7);

        using var officer = await app.ClientForAsync(Roles.SecurityOfficer);
        var holds = await (await officer.GetAsync("/api/v1/screening/holds")).OkAsync<List<HoldView>>();
        var forumHold = Assert.Single(holds, h => h.GateId == app.Venue.ForumIn.Id);
        var vipHold = Assert.Single(holds, h => h.GateId == app.Venue.VipIn.Id);
        app.Clock.Advance(TimeSpan.FromMinutes(4));
        await (await officer.PostAsJsonAsync($"/api/v1/screening/holds/{forumHold.Id}/clear", new HoldDecisionInput(36.8, "re-measured at the forehead"),
            Intents.Json)).OkAsync<HoldView>();
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        await (await officer.PostAsJsonAsync($"/api/v1/screening/holds/{vipHold.Id}/confirm", new HoldDecisionInput(38.7), Intents.Json))
            .OkAsync<HoldView>();
        await watch.CheckAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_screening_figures_count_readings_fevers_refusals_holds_decisions_and_silences()
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var screening = (await (await operations.GetAsync("/api/v1/reports/closing")).OkAsync<ClosingReport>()).Screening;

        var day = Assert.Single(screening.Days);
        Assert.Equal((5, 3, 2), (day.Readings, day.Fevers, day.HoldsPlaced));
        Assert.Equal((5, 3, 2L), (screening.Readings, screening.Fevers, screening.RefusedMessages));
        Assert.Equal([(RefusalReasons.BadSignature, 1L), (RefusalReasons.OutOfRange, 1L)],
            screening.Refusals.Select(r => (r.Reason, r.Messages)).OrderBy(r => r.Reason, StringComparer.Ordinal).ToList());
        Assert.Equal((2, 1, 1, 0), (screening.HoldsPlaced, screening.HoldsCleared, screening.HoldsConfirmed, screening.HoldsOpen));
        Assert.Equal(7.0, screening.MedianMinutesToDecision!.Value, 3);
        Assert.Equal((3, 6), (screening.SilentSensors, screening.Silences));
        Assert.Equal(37.3, screening.ThresholdCelsius, 3);
    }

    [Fact]
    public async Task Each_screening_figure_links_to_exactly_the_records_it_counts()
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var screening = (await (await operations.GetAsync("/api/v1/reports/closing")).OkAsync<ClosingReport>()).Screening;
        var tracesBefore = await TraceAuditsAsync();

        foreach (var day in screening.Days)
        {
            var readings = await RecordsAsync(operations, new(ScreeningRecordKind.Readings, day.Day));
            Assert.Equal(day.Readings, readings.Count);
            var fevers = await RecordsAsync(operations, new(ScreeningRecordKind.Fevers, day.Day));
            Assert.Equal(day.Fevers, fevers.Count);
            Assert.All(fevers, r => Assert.True(double.Parse(r["celsius"], System.Globalization.CultureInfo.InvariantCulture) > screening.ThresholdCelsius));
            Assert.Equal(day.HoldsPlaced, (await RecordsAsync(operations, new(ScreeningRecordKind.Holds, day.Day))).Count);
        }

        Assert.Equal(screening.Readings, (await RecordsAsync(operations, new(ScreeningRecordKind.Readings))).Count);
        Assert.Equal(screening.Fevers, (await RecordsAsync(operations, new(ScreeningRecordKind.Fevers))).Count);
        foreach (var refusal in screening.Refusals)
        {
            var counters = await RecordsAsync(operations, new(ScreeningRecordKind.Refusals, Reason: refusal.Reason));
            Assert.Equal(refusal.Messages, counters.Sum(c => long.Parse(c["messages"], System.Globalization.CultureInfo.InvariantCulture)));
        }

        var holds = await RecordsAsync(operations, new(ScreeningRecordKind.Holds));
        Assert.Equal(screening.HoldsPlaced, holds.Count);
        Assert.Equal(screening.HoldsCleared, (await RecordsAsync(operations, new(ScreeningRecordKind.Holds, Status: HoldStatus.Cleared))).Count);
        Assert.Equal(screening.HoldsConfirmed, (await RecordsAsync(operations, new(ScreeningRecordKind.Holds, Status: HoldStatus.FeverConfirmed))).Count);
        Assert.Equal(screening.HoldsOpen, (await RecordsAsync(operations, new(ScreeningRecordKind.Holds, Status: HoldStatus.Open))).Count);
        var decided = await RecordsAsync(operations, new(ScreeningRecordKind.Holds, Decided: true));
        var minutes = decided.Select(h => double.Parse(h["minutes_to_decision"], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal([4.0, 10.0], minutes);
        Assert.Equal(screening.MedianMinutesToDecision, minutes.Average());
        Assert.Contains(decided, h => h["note"] == "re-measured at the forehead" && h["decided_by"].Length > 0);

        var silences = await RecordsAsync(operations, new(ScreeningRecordKind.Silences));
        Assert.Equal(screening.Silences, silences.Count);
        Assert.Equal(screening.SilentSensors, silences.Select(s => s["sensor"]).Distinct().Count());
        // The first silence of each sensor ended with its first reading; the second is still going on.
        Assert.Equal(3, silences.Count(s => s["ended_at"].Length > 0));

        // Every look at the records is in the audit log (hold records carry officers' names and notes about the person screened).
        Assert.Equal(tracesBefore + 13, await TraceAuditsAsync());
    }

    [Fact]
    public async Task The_csv_export_has_the_screening_figures_each_with_its_link()
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var rows = Csv.Parse((await (await operations.GetAsync("/api/v1/reports/closing.csv")).Content.ReadAsStringAsync()).TrimStart('\uFEFF'));

        var readings = Assert.Single(rows, r => r[0] == "screening-day" && r[5] == "readings");
        Assert.Equal("5", readings[6]);
        Assert.Equal(ClosingReportService.ScreeningTraceLink(new(ScreeningRecordKind.Readings, DateOnly.Parse(readings[1],
            System.Globalization.CultureInfo.InvariantCulture))), readings[7]);
        Assert.Contains(rows, r => r[0] == "screening-refusals" && r[4] == "Bad signature" && r[6] == "1"
            && r[7] == ClosingReportService.ScreeningTracePath + "?records=refusals&reason=bad-signature");
        Assert.Contains(rows, r => r[0] == "screening-holds" && r[5] == "cleared" && r[6] == "1"
            && r[7] == ClosingReportService.ScreeningTracePath + "?records=holds&status=Cleared");
        Assert.Contains(rows, r => r[0] == "screening-holds" && r[5] == "median minutes to decision" && r[6] == "7");
        Assert.Contains(rows, r => r[0] == "screening-sensors" && r[5] == "went silent" && r[6] == "3");
    }

    [Theory]
    [InlineData("en", "Infrared screening", "Bad signature", "Sensors that went silent")]
    [InlineData("zh-Hans", "红外体温筛查", "签名无效", "曾静默的传感器")]
    public async Task The_printable_page_shows_the_screening_figures_with_links_in_both_languages(string language, string heading, string reason,
        string silent)
    {
        var html = await app.PageAsync(Roles.OperationsCentre, "/operations/report", language);

        Assert.Contains(heading, html);
        Assert.Contains(reason, html);
        Assert.Contains(silent, html);
        Assert.Contains($"href=\"{ClosingReportService.ScreeningTraceLink(new(ScreeningRecordKind.Holds, Status: HoldStatus.FeverConfirmed))}\"", html);
        Assert.Contains($"href=\"{ClosingReportService.ScreeningTraceLink(new(ScreeningRecordKind.Silences))}\"", html);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?records=people")]
    [InlineData("?records=2")]
    [InlineData("?records=refusals&reason=rude")]
    [InlineData("?records=holds&status=Forgotten")]
    [InlineData("?records=readings&day=tomorrow")]
    public async Task A_malformed_screening_trace_is_refused_with_its_reason(string query)
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        await (await operations.GetAsync(ClosingReportService.ScreeningTracePath + query)).AssertProblemAsync(422, ErrorCodes.ReportTraceInvalid);
    }

    [Fact]
    public async Task Roles_outside_the_operations_centre_and_the_organizers_cannot_read_screening_records()
    {
        using var gate = await app.ClientForAsync(Roles.GateOperator);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await gate.GetAsync(ClosingReportService.ScreeningTraceLink(new(ScreeningRecordKind.Holds)))).StatusCode);
    }

    private async Task PublishAsync(SensorEnrolment sensor, params string[] payloads)
    {
        using var publisher = await app.PublisherAsync(sensor.Sensor.Code, sensor.Secret);
        foreach (var payload in payloads)
        {
            await ScreeningFactory.PublishAsync(publisher, SensorMessages.TopicFor(sensor.Sensor.Code), payload);
        }

        await publisher.DisconnectAsync();
    }

    private Task<int> TraceAuditsAsync() =>
        app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.CountAsync(a => a.Action == AuditActions.ReportTraced));

    private static async Task<List<Dictionary<string, string>>> RecordsAsync(HttpClient client, ScreeningTrace trace)
    {
        var response = await client.GetAsync(ClosingReportService.ScreeningTraceLink(trace));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = Csv.Parse((await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF'));
        return [.. rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(p => p.First, p => p.Second))];
    }
}
