using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Operations.Reports;
using Summit.Server.Screening;
using Summit.Server.Screening.Contracts;
using Summit.Server.Screening.Holds;
using Summit.Server.Screening.Ingestion;
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

        // Reports are stamped to the minute: the next one counts the whole morning.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_screening_figures_count_readings_fevers_refusals_holds_decisions_and_silences()
    {
        var screening = (await ReportAsync(await SetUpStampAsync())).Screening;

        // The test event runs 26-28 September: every day is listed; the morning's records are all on the first.
        Assert.Equal([(new DateOnly(2021, 9, 26), 5, 3, 2), (new DateOnly(2021, 9, 27), 0, 0, 0), (new DateOnly(2021, 9, 28), 0, 0, 0)],
            screening.Days.Select(d => (d.Day, d.Readings, d.Fevers, d.HoldsPlaced)).ToList());
        Assert.Equal(new ScreeningSpanTotal(5, 3, 2), screening.Event);
        Assert.Equal(2L, screening.RefusedMessages);
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
        var stamp = await SetUpStampAsync();
        var tracesBefore = await TraceAuditsAsync();

        Assert.True(await ReportRecords.RecomputeEveryFigureAsync(operations, await ReportRecords.FiguresAsync(operations, stamp)) > 20);

        var decided = await ReportRecords.RecordsAsync(operations, ClosingReportLinks.Screening(new(ScreeningRecordKind.Holds, stamp, Decided: true)));
        Assert.Equal([4.0, 10.0], decided.Select(h => double.Parse(h["minutes_to_decision"], CultureInfo.InvariantCulture)).Order().ToList());
        Assert.Contains(decided, h => h["note"] == "re-measured at the forehead" && h["decided_by"].Length > 0);
        var fevers = await ReportRecords.RecordsAsync(operations, ClosingReportLinks.Screening(new(ScreeningRecordKind.Fevers, stamp, Span: ReportSpan.Event)));
        Assert.All(fevers, r => Assert.True(double.Parse(r["celsius"], CultureInfo.InvariantCulture) > 37.3));
        // The first silence of each sensor ended with its first reading; the second is still going on.
        var silences = await ReportRecords.RecordsAsync(operations, ClosingReportLinks.Screening(new(ScreeningRecordKind.Silences, stamp)));
        Assert.Equal(3, silences.Count(s => s["ended_at"].Length > 0));
        var refusals = await ReportRecords.RecordsAsync(operations, ClosingReportLinks.Screening(new(ScreeningRecordKind.Refusals, stamp,
            Reason: RefusalReasons.BadSignature)));
        Assert.All(refusals, r => Assert.Equal(0, DateTimeOffset.Parse(r["minute"], CultureInfo.InvariantCulture).Second));

        // Every look at the records is in the audit log (hold records carry officers' names and notes about the person screened).
        Assert.True(await TraceAuditsAsync() > tracesBefore + 10);
    }

    [Fact]
    public async Task Refusals_holds_and_silences_after_the_stamp_leave_the_report_of_that_moment_unchanged()
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var stamp = await SetUpStampAsync();
        var before = await ReportAsync(stamp);

        // A minute later: another badly signed message and a fever that holds the main entrance.
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var sensor = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        var processed = app.Processed;
        await PublishAsync(sensor, SensorMessages.Payload(sensor.Sensor.Code, "sss_forged", 36.6, app.Clock.GetUtcNow(), 1), app.Reading(sensor, 38.8, 2));
        await app.WaitForProcessedAsync(processed, 2);
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await ReportAsync(stamp);
        Assert.Equal(JsonSerializer.Serialize(before.Screening, Intents.Json), JsonSerializer.Serialize(again.Screening, Intents.Json));
        var now = (await ReportAsync(null)).Screening;
        Assert.Equal(before.Screening.RefusedMessages + 1, now.RefusedMessages);
        Assert.Equal(before.Screening.HoldsPlaced + 1, now.HoldsPlaced);
        Assert.Equal(before.Screening.HoldsOpen + 1, now.HoldsOpen);
        Assert.Equal(1, (await ReportRecords.RecordsAsync(operations, ClosingReportLinks.Screening(new(ScreeningRecordKind.Refusals, stamp,
            Reason: RefusalReasons.BadSignature)))).Sum(r => int.Parse(r["messages"], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_csv_export_has_the_screening_figures_each_with_its_link()
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var stamp = await SetUpStampAsync();
        var rows = await ReportRecords.FiguresAsync(operations, stamp);

        var readings = Assert.Single(rows, r => r[0] == "screening-day" && r[1] == "2021-09-26" && r[5] == "readings");
        Assert.Equal("5", readings[6]);
        Assert.Equal(ClosingReportLinks.Screening(new(ScreeningRecordKind.Readings, stamp, new DateOnly(2021, 9, 26))), readings[7]);
        var asOf = "?asOf=" + ReportMoment.Format(stamp);
        Assert.Contains(rows, r => r[0] == "screening-refusals" && r[4] == "Bad signature" && r[6] == "1"
            && r[7] == ClosingReportLinks.ScreeningTracePath + asOf + "&records=refusals&reason=bad-signature");
        Assert.Contains(rows, r => r[0] == "screening-holds" && r[5] == "cleared" && r[6] == "1"
            && r[7] == ClosingReportLinks.ScreeningTracePath + asOf + "&records=holds&status=Cleared");
        Assert.Contains(rows, r => r[0] == "screening-holds" && r[5] == "median minutes to decision" && r[6] == "7");
        Assert.Contains(rows, r => r[0] == "screening-sensors" && r[5] == "went silent" && r[6] == "3");
        Assert.Contains(rows, r => r[0] == "screening-event" && r[5] == "fevers" && r[6] == "3");
    }

    [Theory]
    [InlineData("en", "Infrared screening", "Bad signature", "Sensors that went silent")]
    [InlineData("zh-Hans", "红外体温筛查", "签名无效", "曾静默的传感器")]
    public async Task The_printable_page_shows_the_screening_figures_with_links_in_both_languages(string language, string heading, string reason,
        string silent)
    {
        var stamp = await SetUpStampAsync();
        var html = await app.PageAsync(Roles.OperationsCentre, ClosingReportLinks.Page(stamp), language);

        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains(reason, html, StringComparison.Ordinal);
        Assert.Contains(silent, html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ClosingReportLinks.Screening(new(ScreeningRecordKind.Holds, stamp, Status: HoldStatus.FeverConfirmed))}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{ClosingReportLinks.Screening(new(ScreeningRecordKind.Silences, stamp))}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?records=people")]
    [InlineData("?records=2")]
    [InlineData("?records=refusals&reason=rude")]
    [InlineData("?records=holds&status=Forgotten")]
    [InlineData("?records=readings&day=tomorrow")]
    [InlineData("?records=readings&span=later")]
    public async Task A_malformed_screening_trace_is_refused_with_its_reason(string query)
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        await (await operations.GetAsync(ClosingReportLinks.ScreeningTracePath + query)).AssertProblemAsync(422, ReportErrors.ReportTraceInvalid);
    }

    [Fact]
    public async Task Roles_outside_the_operations_centre_and_the_organizers_cannot_read_screening_records()
    {
        using var gate = await app.ClientForAsync(Roles.GateOperator);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await gate.GetAsync(ClosingReportLinks.Screening(new(ScreeningRecordKind.Holds, await SetUpStampAsync())))).StatusCode);
    }

    /// <summary>The stamp just after the known morning (its last step, the second decision, came 10 minutes after the first hold), whatever later tests added.</summary>
    private Task<DateTimeOffset> SetUpStampAsync() => app.InScopeAsync(async sp =>
    {
        var firstHold = await sp.GetRequiredService<SummitDbContext>().Set<ScreeningHold>().MinAsync(h => h.RaisedAt);
        return ReportMoment.Of(firstHold.AddMinutes(10)).AddMinutes(1);
    });

    private async Task<ClosingReport> ReportAsync(DateTimeOffset? asOf)
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        return await ReportRecords.ReportAsync(operations, asOf);
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
}
