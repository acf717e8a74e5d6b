using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using MQTTnet;
using MQTTnet.Protocol;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Screening;
using Summit.Server.Screening.Contracts;
using Summit.Server.Screening.Holds;
using Summit.Server.Screening.Ingestion;
using Summit.Server.Screening.Sensors;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Screening;

/// <summary>
/// Summit as a client of a real Mosquitto run with the documented configuration and ACL: sensors publish with their own login
/// (mosquitto_pub and MQTTnet), and the attacks that the in-process broker's tests make fail here too.
/// </summary>
public sealed class MosquittoTests(MosquittoFactory app) : IClassFixture<MosquittoFactory>
{
    [Fact]
    public async Task Readings_published_with_mosquitto_pub_and_mqttnet_reach_summit()
    {
        var sensor = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        var topic = SensorMessages.TopicFor(sensor.Sensor.Code);

        var before = app.Processed;
        await app.MosquittoPubAsync(sensor, topic, app.Reading(sensor, 36.4, 1));
        using (var client = await app.PublisherAsync(sensor.Sensor.Code, sensor.Secret))
        {
            await ScreeningFactory.PublishAsync(client, topic, app.Reading(sensor, 36.8, 2));
        }

        await app.MosquittoPubAsync(sensor, topic, "{\"sensor\": \"" + sensor.Sensor.Code + "\", \"celsius\": 36.6}");
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
        await app.MosquittoPubAsync(sensor, SensorMessages.TopicFor(sensor.Sensor.Code), app.Reading(sensor, 38.2, 1));
        await app.WaitForProcessedAsync(before, 1);

        using var officer = await app.ClientForAsync(Roles.SecurityOfficer);
        var hold = Assert.Single((await (await officer.GetAsync("/api/v1/screening/holds")).OkAsync<List<HoldView>>()),
            h => h.GateId == gate.Id && h.Status == HoldStatus.Open);
        Assert.Equal(38.2.ToString(CultureInfo.InvariantCulture), hold.Celsius.ToString(CultureInfo.InvariantCulture));
        Assert.Single(app.Incidents.Of(FeverHolds.FeverCause),
            r => r.Place.GateId == gate.Id);
    }

    [Fact]
    public async Task One_sensors_login_cannot_take_over_summits_subscription_nor_read_nor_write_other_sensors_topics()
    {
        var victim = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        var thief = await app.EnrolSensorAsync(app.Venue.MainOut.Id);
        await Assert.ThrowsAnyAsync<Exception>(() => app.PublisherAsync(null, null));

        // The probe: a sensor's login under Summit's client id with a persistent session, subscribing to every reading.
        using var attacker = new MqttClientFactory().CreateMqttClient();
        var stolen = new ConcurrentQueue<string>();
        attacker.ApplicationMessageReceivedAsync += e =>
        {
            stolen.Enqueue(e.ApplicationMessage.Topic);
            return Task.CompletedTask;
        };
        var connected = await attacker.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(app.BrokerHost, app.BrokerPort)
            .WithClientId(MosquittoFactory.IngestLogin).WithCleanSession(false).WithCredentials(thief.Sensor.Code, thief.Secret).Build());
        Assert.Equal(MqttClientConnectResultCode.Success, connected.ResultCode);
        // Mosquitto 2.0 grants any subscription and applies the ACL to each message it would deliver: nothing reaches this one.
        await attacker.SubscribeAsync(SensorMessages.SubscriptionFilter, MqttQualityOfServiceLevel.AtLeastOnce);

        // It may not write another sensor's topic either: the broker drops that, so Summit never sees it.
        var before = app.Processed;
        var storedBefore = app.Writer.Stored;
        await ScreeningFactory.PublishAsync(attacker, SensorMessages.TopicFor(victim.Sensor.Code), app.Reading(thief, 36.6, 1));
        await app.PublishReadingsAsync(victim, [.. Enumerable.Range(1, 100).Select(seq => ((long)seq, 36.5))]);
        Assert.Equal(before + 100, app.Processed);
        Assert.Equal(storedBefore + 100, app.Writer.Stored);
        Assert.Empty(stolen);
    }

    [Fact]
    public async Task Mosquitto_refuses_packets_over_the_limit_without_buffering_them_and_summit_keeps_taking_readings()
    {
        var sensors = new List<SensorEnrolment>();
        for (var i = 0; i < 4; i++)
        {
            sensors.Add(await app.EnrolSensorAsync(app.Venue.MainIn.Id));
        }

        var closed = await Task.WhenAll(sensors.Select(async sensor =>
        {
            await using var raw = await RawMqtt.OpenAsync(app.BrokerHost, app.BrokerPort);
            Assert.Equal(0, await raw.ConnectAsync(sensor.Sensor.Code, sensor.Sensor.Code, sensor.Secret));
            await raw.SendHeaderAsync(0x30, 250_000_000);
            return await raw.SendUntilClosedAsync(8 * 1024 * 1024, TimeSpan.FromSeconds(10));
        }));
        Assert.All(closed, Assert.True);
        // Four buffered bodies would be a gigabyte: the broker never held more than a small fraction of one.
        Assert.True(app.BrokerPeakMemory < 64 * 1024 * 1024, $"Mosquitto's peak memory reached {app.BrokerPeakMemory:N0} bytes.");

        var storedBefore = app.Writer.Stored;
        var before = app.Processed;
        await app.MosquittoPubAsync(sensors[0], SensorMessages.TopicFor(sensors[0].Sensor.Code), app.Reading(sensors[0], 36.6, 1));
        await app.WaitForProcessedAsync(before, 1);
        Assert.Equal(storedBefore + 1, app.Writer.Stored);
    }

    [Fact]
    public async Task A_sensor_may_not_be_enrolled_under_summits_own_login()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var response = await admin.PostAsJsonAsync("/api/v1/screening/sensors", new SensorInput(MosquittoFactory.IngestLogin.ToUpperInvariant(), "camera",
            app.Venue.MainIn.Id), Intents.Json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(ScreeningErrors.SensorCodeReserved, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_guide_shows_the_configuration_and_acl_these_tests_run()
    {
        var guide = File.ReadAllText(Path.Combine(MosquittoFactory.RepositoryRoot(), "docs", "screening", "mqtt.md"));
        foreach (var file in new[] { "mosquitto.conf", "acl" })
        {
            var text = File.ReadAllText(Path.Combine(MosquittoFactory.RepositoryRoot(), "docs", "screening", "mosquitto", file));
            Assert.Contains(text, guide, StringComparison.Ordinal);
        }
    }
}
