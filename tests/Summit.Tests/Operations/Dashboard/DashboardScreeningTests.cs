using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Operations.Dashboard;
using Summit.Server.Screening.Ingestion;
using Summit.Tests.Screening;

namespace Summit.Tests.Operations.Dashboard;

/// <summary>The dashboard's screening panel over the real screening module: a fever reading stops a lane on the wall screen.</summary>
public sealed class DashboardScreeningTests(ScreeningFactory app) : IClassFixture<ScreeningFactory>
{
    [Fact]
    public async Task A_fever_reading_shows_its_lane_on_hold_and_an_alert_and_the_incident_on_the_dashboard()
    {
        var gate = app.Venue.VipIn;
        var sensor = await app.EnrolSensorAsync(gate.Id);
        using var publisher = await app.PublisherAsync(sensor.Sensor.Code, sensor.Secret);
        var before = app.Processed;
        await ScreeningFactory.PublishAsync(publisher, SensorMessages.TopicFor(sensor.Sensor.Code), app.Reading(sensor, 38.9, 1));
        await app.WaitForProcessedAsync(before, 1);

        // The board's own timers run on the test's fake clock: rebuild the snapshot now, as a screening change would.
        var snapshot = await app.Services.GetRequiredService<OperationsBoard>().RefreshNowAsync();
        var hold = Assert.Single(snapshot.Screening!.Holds, h => h.GateId == gate.Id);
        Assert.Equal(38.9, hold.Celsius!.Value, 3);
        Assert.Contains(snapshot.Screening.Alerts, a => a.GateCode == gate.Code && a.Open && Math.Abs(a.Celsius - 38.9) < 0.001);
        Assert.Contains(snapshot.Incidents!, i => i.Type == IncidentType.Health);
    }
}
