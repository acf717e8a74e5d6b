using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Screening.Ingestion;
using Summit.Server.Screening.Sensors;
using Summit.Tests.Access;

namespace Summit.Tests.Screening;

/// <summary>A sensor that stops reporting raises one equipment incident per silence, on a clock the test moves.</summary>
public sealed class SilenceTests(ScreeningFactory app) : IClassFixture<ScreeningFactory>
{
    [Fact]
    public async Task A_silent_sensor_raises_one_equipment_incident_per_silence()
    {
        var watch = app.Services.GetRequiredService<SensorSilenceWatch>();
        var sensor = await app.EnrolSensorAsync(app.Venue.ForumIn.Id);
        List<AutomaticIncidentReport> Silences() => [.. app.Incidents.Of(SensorSilenceWatch.SilentCause).Where(r => r.Evidence.Reference == sensor.Sensor.Id.ToString())];

        using var publisher = await app.PublisherAsync(sensor.Sensor.Code, sensor.Secret);
        var before = app.Processed;
        await ScreeningFactory.PublishAsync(publisher, SensorMessages.TopicFor(sensor.Sensor.Code), app.Reading(sensor, 36.6, 1));
        await app.WaitForProcessedAsync(before, 1);

        // A minute of quiet is not a silence (the default is two).
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await watch.CheckAsync();
        Assert.Empty(Silences());

        app.Clock.Advance(TimeSpan.FromMinutes(1.5));
        await watch.CheckAsync();
        var report = Assert.Single(Silences());
        Assert.Equal(IncidentType.Equipment, report.Type);
        Assert.Equal(app.Venue.ForumIn.Id, report.Place.GateId);

        // Still silent later: no second incident for the same silence.
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await watch.CheckAsync();
        Assert.Single(Silences());
        using (var operations = await app.ClientForAsync(Roles.OperationsCentre))
        {
            var listed = (await (await operations.GetAsync("/api/v1/screening/sensors")).OkAsync<List<SensorView>>()).Single(s => s.Id == sensor.Sensor.Id);
            Assert.NotNull(listed.SilentSince);
        }

        // A reading ends the silence; the next silence is a new incident.
        before = app.Processed;
        await ScreeningFactory.PublishAsync(publisher, SensorMessages.TopicFor(sensor.Sensor.Code), app.Reading(sensor, 36.7, 2));
        await app.WaitForProcessedAsync(before, 1);
        await watch.CheckAsync();
        Assert.Single(Silences());
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await watch.CheckAsync();
        Assert.Equal(2, Silences().Count);
    }

    [Fact]
    public async Task A_revoked_sensor_is_never_reported_silent()
    {
        var watch = app.Services.GetRequiredService<SensorSilenceWatch>();
        var sensor = await app.EnrolSensorAsync(app.Venue.VipIn.Id);
        using (var admin = await app.ClientForAsync(Roles.Admin))
        {
            await (await admin.PostAsync($"/api/v1/screening/sensors/{sensor.Sensor.Id}/revoke", null)).OkAsync<SensorView>();
        }

        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await watch.CheckAsync();
        Assert.DoesNotContain(app.Incidents.Of(SensorSilenceWatch.SilentCause), r => r.Evidence.Reference == sensor.Sensor.Id.ToString());
    }
}
