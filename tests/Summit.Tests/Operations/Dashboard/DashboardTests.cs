using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Server.Access.Contracts;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Operations.Dashboard;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Operations.Dashboard;

public class DashboardTests(DashboardFactory app) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task A_scan_moves_occupancy_throughput_and_the_pipeline_and_a_refusal_shows_its_reason()
    {
        var before = await app.RefreshAsync();
        var guest = await app.ApprovedGuestAsync();
        var code = await app.IssueCodeAsync(guest);
        var accredited = await app.RefreshAsync();
        Assert.Equal(before.Pipeline.Total[PipelineStage.Accredited] + 1, accredited.Pipeline.Total[PipelineStage.Accredited]);

        Assert.True((await app.ScanAsync(app.Venue.MainInToken, code)).Admitted);
        Assert.Equal(ReasonCode.ZoneNotGranted, (await app.ScanAsync(app.Venue.VipInToken, code)).Reason);
        var after = await app.RefreshAsync();

        Assert.True(after.Version > accredited.Version);
        Assert.Equal(Inside(before, "MAIN") + 1, Inside(after, "MAIN"));
        Assert.Equal(before.Throughput[^1].Entries + 1, after.Throughput[^1].Entries);
        Assert.Equal(before.Throughput[^1].Refusals + 1, after.Throughput[^1].Refusals);
        Assert.Equal(app.Clock.GetUtcNow().UtcTicks / TimeSpan.TicksPerMinute, after.Throughput[^1].Minute.UtcTicks / TimeSpan.TicksPerMinute);
        Assert.Equal(Refused(before, ReasonCode.ZoneNotGranted) + 1, Refused(after, ReasonCode.ZoneNotGranted));
        Assert.Equal(before.Pipeline.Total[PipelineStage.Arrived] + 1, after.Pipeline.Total[PipelineStage.Arrived]);
        Assert.Equal(before.Pipeline.Categories.Single(c => c.Code == "Delegate")[PipelineStage.Arrived] + 1,
            after.Pipeline.Categories.Single(c => c.Code == "Delegate")[PipelineStage.Arrived]);
        var gate = after.Gates.Single(g => g.Code == "A1");
        Assert.Equal(before.Gates.Single(g => g.Code == "A1").Entries + 1, gate.Entries);
        Assert.True(after.ScansCounted >= before.ScansCounted + 2);
    }

    [Fact]
    public async Task Screens_get_each_new_snapshot_pushed()
    {
        var board = app.Services.GetRequiredService<OperationsBoard>();
        var pushed = new ConcurrentQueue<DashboardSnapshot>();
        using (board.Subscribe(pushed.Enqueue))
        {
            var refreshed = await board.RefreshNowAsync();
            Assert.Contains(pushed, s => s.Version == refreshed.Version);
        }

        var count = pushed.Count;
        await board.RefreshNowAsync();
        Assert.Equal(count, pushed.Count);
    }

    [Fact]
    public async Task A_crowded_zone_raises_one_incident_per_episode_and_shows_on_the_plan()
    {
        var first = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        var second = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        var reportsBefore = CrowdingReports().Count;

        Assert.True((await app.ScanAsync(app.TinyToken, first, GateDirection.Entry)).Admitted);
        var half = Tile(await app.RefreshAsync());
        Assert.Equal((1, OccupancyLevel.Normal, false), (half.Inside, half.Level, half.Crowded));

        Assert.True((await app.ScanAsync(app.TinyToken, second, GateDirection.Entry)).Admitted);
        var full = Tile(await app.RefreshAsync());
        Assert.Equal((2, OccupancyLevel.Crowded, true), (full.Inside, full.Level, full.Crowded));
        await app.RefreshAsync();
        var report = Assert.Single(CrowdingReports().Skip(reportsBefore));
        Assert.Equal(IncidentType.Crowding, report.Type);
        Assert.Equal(new IncidentPlace(ZoneId: app.Tiny.Id), report.Place);
        Assert.Equal("zone", report.Evidence.Kind);
        Assert.Equal(app.Tiny.Id.ToString(), report.Evidence.Reference);
        Assert.Equal("dashboard.crowding.title", report.Title.Key);
        Assert.Equal([new("TINY"), new("Small meeting room", "小会议室")], report.Title.Arguments);
        Assert.StartsWith("2 people inside of a capacity of 2 (100%)", report.Evidence.SummaryEn, StringComparison.Ordinal);

        // Half full again ends the episode; full again is a new one.
        Assert.True((await app.ScanAsync(app.TinyToken, first, GateDirection.Exit)).Admitted);
        Assert.False(Tile(await app.RefreshAsync()).Crowded);
        Assert.Single(CrowdingReports().Skip(reportsBefore));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await app.ScanAsync(app.TinyToken, first, GateDirection.Entry)).Admitted);
        Assert.True(Tile(await app.RefreshAsync()).Crowded);
        Assert.Equal(2, CrowdingReports().Skip(reportsBefore).Count());
    }

    [Fact]
    public async Task The_dashboard_api_is_for_the_operations_roles_only()
    {
        using var centre = await app.ClientForAsync(Roles.OperationsCentre);
        var snapshot = await (await centre.GetAsync("/api/v1/operations/dashboard")).OkAsync<DashboardSnapshot>();
        Assert.Contains(snapshot.Zones, z => z.Code == "TINY" && z.Plan == new ZonePlanArea(10, 10, 100, 60));
        // Both modules are installed: nothing is open and no lane is held.
        Assert.Empty(snapshot.Incidents!);
        Assert.Empty(snapshot.Screening!.Holds);

        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.GetAsync("/api/v1/operations/dashboard")).StatusCode);
    }

    [Fact]
    public async Task The_page_draws_the_plan_with_each_zones_colour_and_the_panels_in_both_languages()
    {
        await app.RefreshAsync();
        var html = await app.PageAsync(Roles.OperationsCentre, "/operations");

        Assert.Matches("data-testid=\"plan-zone\" data-zone=\"TINY\" data-level=\"(Normal|Busy|Crowded)\"", html);
        Assert.Contains("<rect x=\"10\" y=\"10\" width=\"100\" height=\"60\"", html, StringComparison.Ordinal);
        // The test venue's other zones have no rectangle: they are listed under the plan.
        Assert.Contains("data-testid=\"off-plan-zone\" data-zone=\"MAIN\"", html, StringComparison.Ordinal);
        Assert.Contains("Arrivals pipeline by category", html, StringComparison.Ordinal);
        Assert.Contains("No open incidents.", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"ops-holds\" data-count=\"0\"", html, StringComparison.Ordinal);

        var chinese = await app.PageAsync(Roles.VenueManager, "/operations", "zh-Hans");
        Assert.Contains("运行指挥大屏", chinese, StringComparison.Ordinal);
        Assert.Contains("各类别嘉宾到会进度", chinese, StringComparison.Ordinal);
    }

    private List<AutomaticIncidentReport> CrowdingReports() => [.. app.Incidents.Reports.Where(r => r.Cause == "zone.crowded")];

    private ZoneTile Tile(DashboardSnapshot snapshot) => snapshot.Zones.Single(z => z.Code == "TINY");

    private static int Inside(DashboardSnapshot snapshot, string zone) => snapshot.Zones.Single(z => z.Code == zone).Inside;

    private static int Refused(DashboardSnapshot snapshot, ReasonCode reason) => snapshot.Refusals.SingleOrDefault(r => r.Reason == reason)?.Count ?? 0;
}
