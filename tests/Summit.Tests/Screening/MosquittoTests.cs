using System.Globalization;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Screening;
using Summit.Server.Screening.Holds;
using Summit.Server.Screening.Ingestion;
using Summit.Server.Screening.Sensors;
using Summit.Tests.Access;

namespace Summit.Tests.Screening;

/// <summary>Summit as a client of a real Mosquitto: readings published with mosquitto_pub and with an MQTTnet client are stored.</summary>
public sealed class MosquittoTests(MosquittoFactory app) : IClassFixture<MosquittoFactory>
{
    [Fact]
    public async Task Readings_published_with_mosquitto_pub_and_mqttnet_reach_summit()
    {
        var sensor = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        var topic = SensorMessages.TopicFor(sensor.Sensor.Code);

        var before = app.Processed;
        await app.MosquittoPubAsync(topic, app.Reading(sensor, 36.4, 1));
        using (var client = await app.PublisherAsync(null, null))
        {
            await ScreeningFactory.PublishAsync(client, topic, app.Reading(sensor, 36.8, 2));
        }

        await app.MosquittoPubAsync(topic, "{\"sensor\": \"" + sensor.Sensor.Code + "\", \"celsius\": 36.6}");
        await app.WaitForProcessedAsync(before, 3);

        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var listed = (await (await operations.GetAsync("/api/v1/screening/sensors")).OkAsync<List<SensorView>>()).Single(s => s.Id == sensor.Sensor.Id);
        Assert.Equal(2, listed.ReadingCount);
        Assert.Equal(36.8, listed.LastCelsius);
        Assert.Equal(1, listed.RefusedCount);
        var refusal = Assert.Single(await (await operations.GetAsync($"/api/v1/screening/refusals?sensorId={sensor.Sensor.Id}")).OkAsync<List<RefusalView>>());
        Assert.Equal(RefusalReasons.Malformed, refusal.Reason);
    }

    [Fact]
    public async Task A_fever_published_through_mosquitto_holds_the_gate()
    {
        var gate = app.Venue.ForumIn;
        var sensor = await app.EnrolSensorAsync(gate.Id);
        var before = app.Processed;
        await app.MosquittoPubAsync(SensorMessages.TopicFor(sensor.Sensor.Code), app.Reading(sensor, 38.2, 1));
        await app.WaitForProcessedAsync(before, 1);

        using var officer = await app.ClientForAsync(Roles.SecurityOfficer);
        var hold = Assert.Single((await (await officer.GetAsync("/api/v1/screening/holds")).OkAsync<List<HoldView>>()),
            h => h.GateId == gate.Id && h.Status == HoldStatus.Open);
        Assert.Equal(38.2.ToString(CultureInfo.InvariantCulture), hold.Celsius.ToString(CultureInfo.InvariantCulture));
        Assert.Single(app.Incidents.Of(FeverHolds.FeverCause),
            r => r.Place.GateId == gate.Id);
    }
}
