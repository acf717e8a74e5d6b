using System.Globalization;
using Summit.Server.Incidents;
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
        await app.MorningAsync();
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

        // The demo plays its morning years after the 2021 event: every record of it stands apart, outside the event's dates, and the
        // event's own days are listed with nothing in them.
        int Value(string section, string measure, string? reason = null) =>
            int.Parse(figures.Single(r => r[0] == section && r[5] == measure && (reason is null || r[4] == reason))[6], CultureInfo.InvariantCulture);
        Assert.True(Value("attendance-outside", "persons") > 100);
        Assert.Equal(0, Value("attendance-event", "entries"));
        Assert.Equal(3, figures.Count(r => r[0] == "attendance-day" && r[5] == "entries" && r[6] == "0"));
        Assert.True(Value("screening-outside", "fevers") >= 3);
        Assert.True(Value("screening-holds", "cleared") >= 1);
        Assert.True(Value("screening-sensors", "went silent") >= 1);
        Assert.Equal(1, Value("incidents", "reopens", nameof(IncidentType.Crowding)));
        Assert.Equal(4, Value("incidents", "minutes reopened", nameof(IncidentType.Crowding)));
        Assert.True(Value("incidents", "raised", nameof(IncidentType.Health)) >= 1);
    }
}
