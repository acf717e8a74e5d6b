using System.Globalization;
using Summit.Server.Incidents;
using Summit.Server.Incidents.Reading;
using Summit.Server.Infrastructure.Incidents;
using Summit.Tests.Access;
using Summit.Tests.Demo;
using Summit.Tests.Incidents;

namespace Summit.Tests.Operations.Reports;

/// <summary>The closing report of the demo, as a newcomer prints it after the live morning and the operations centre's work on its problems.</summary>
[Collection(DemoLiveCollection.Name)]
public sealed class ClosingReportDemoTests(DemoLiveFactory app)
{
    [Fact]
    public async Task Every_figure_of_the_demo_report_is_recomputed_from_its_own_links()
    {
        var morning = await app.MorningAsync();
        using var operations = await app.DemoClientAsync("operationscentre@summit.local");

        // The operations centre works the morning's crowded room: acknowledged, resolved, back when the room filled again, and
        // resolved for good.
        var incidents = await (await operations.GetAsync("/api/v1/incidents")).OkAsync<List<IncidentSummary>>();
        var crowded = incidents.First(i => i.Type == IncidentType.Crowding).Number;
        foreach (var (to, note) in new (IncidentStatus, string?)[]
        {
            (IncidentStatus.Acknowledged, null), (IncidentStatus.Resolved, "Doors closed, overflow sent to room C"),
            (IncidentStatus.Open, "Full again after the break"), (IncidentStatus.InProgress, null), (IncidentStatus.Resolved, "Stewards at the door"),
        })
        {
            app.Clock.Advance(TimeSpan.FromMinutes(2));
            await (await operations.MoveAsync(crowded, to, note)).OkAsync<IncidentDetail>();
        }

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var figures = await ReportRecords.FiguresAsync(operations);
        Assert.True(await ReportRecords.RecomputeEveryFigureAsync(operations, figures) > 100);

        // The demo's event is dated on the days it runs (day 1 is the day it was made): everything the seeded and the live morning
        // recorded falls on day 1, nothing stands outside the event's dates, and days 2 and 3 are still empty.
        int Value(string section, string measure, string? reason = null) =>
            int.Parse(figures.Single(r => r[0] == section && r[5] == measure && (reason is null || r[4] == reason))[6], CultureInfo.InvariantCulture);
        Assert.True(Value("attendance-event", "persons") > 100);
        Assert.DoesNotContain(figures, r => r[0].Contains("outside", StringComparison.Ordinal));
        var days = figures.Where(r => r[0] == "attendance-day" && r[5] == "entries").ToList();
        Assert.Equal(3, days.Count);
        Assert.Equal(DemoFactory.Today.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), days[0][1]);
        Assert.True(int.Parse(days[0][6], CultureInfo.InvariantCulture) > 100);
        Assert.Equal(["0", "0"], days.Skip(1).Select(r => r[6]));
        // Every fever the morning sent stands in the event (how many depends on who the small test event has arriving at the lanes).
        Assert.True(morning.Stats.FeverReadings > 0);
        Assert.Equal(morning.Stats.FeverReadings, Value("screening-event", "fevers"));
        Assert.True(Value("screening-holds", "cleared") >= 1);
        Assert.True(Value("screening-sensors", "went silent") >= 1);
        Assert.Equal(1, Value("incidents", "reopens", nameof(IncidentType.Crowding)));
        Assert.Equal(4, Value("incidents", "minutes reopened", nameof(IncidentType.Crowding)));
        Assert.True(Value("incidents", "raised", nameof(IncidentType.Health)) >= 1);
    }
}
