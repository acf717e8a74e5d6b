using System.Collections.Concurrent;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Screening;
using Summit.Server.Screening.Contracts;
using Summit.Server.Screening.Ingestion;
using Summit.Server.Screening.Sensors;
using Summit.Tests.Access;

namespace Summit.Tests.Screening;

/// <summary>
/// The attacks of issue 9 on Summit's in-process broker, each as the probe ran it: taking over Summit's ingestion with one
/// sensor's secret, reading other sensors' temperatures, reaching the broker from the network, and flooding it with huge packets.
/// </summary>
public sealed class BrokerSecurityTests(ScreeningFactory app) : IClassFixture<ScreeningFactory>
{
    [Fact]
    public async Task One_sensors_secret_cannot_take_over_summits_ingestion_or_read_other_sensors()
    {
        var victim = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        var thief = await app.EnrolSensorAsync(app.Venue.MainOut.Id);
        var ingestClientId = app.Services.GetRequiredService<IOptions<MqttOptions>>().Value.ClientId;

        // The probe: a sensor's credentials, Summit's own client id, a persistent session, then a subscription to every reading.
        using var attacker = new MqttClientFactory().CreateMqttClient();
        var stolen = new ConcurrentQueue<string>();
        attacker.ApplicationMessageReceivedAsync += e =>
        {
            stolen.Enqueue(e.ApplicationMessage.Topic);
            return Task.CompletedTask;
        };
        var connect = await ConnectAsync(attacker, ingestClientId, thief, cleanSession: false);
        if (attacker.IsConnected)
        {
            await attacker.SubscribeAsync(SensorMessages.SubscriptionFilter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        var storedBefore = app.Writer.Stored;
        await app.PublishReadingsAsync(victim, [.. Enumerable.Range(1, 100).Select(seq => ((long)seq, 36.5))]);
        Assert.Equal(storedBefore + 100, app.Writer.Stored);
        Assert.Empty(stolen);
        Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, connect);
    }

    [Fact]
    public async Task A_sensor_connects_only_as_itself_publishes_only_its_own_topic_and_subscribes_to_nothing()
    {
        var sensor = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        var other = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        foreach (var clientId in new[] { other.Sensor.Code, "summit-ingest", "anything-else", "" })
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            Assert.Equal(MqttClientConnectResultCode.ClientIdentifierNotValid, await ConnectAsync(client, clientId, sensor, cleanSession: true));
        }

        using var own = await app.PublisherAsync(sensor.Sensor.Code, sensor.Secret);
        foreach (var filter in new[] { SensorMessages.SubscriptionFilter, SensorMessages.TopicFor(other.Sensor.Code), "#" })
        {
            var granted = await own.SubscribeAsync(filter, MqttQualityOfServiceLevel.AtLeastOnce);
            Assert.All(granted.Items, item => Assert.True((int)item.ResultCode >= 0x80, $"{filter}: {item.ResultCode}"));
        }

        // A sensor's login publishing on another sensor's topic is refused and counted against the login that did it.
        var before = app.Processed;
        await ScreeningFactory.PublishAsync(own, SensorMessages.TopicFor(other.Sensor.Code), app.Reading(sensor, 36.6, 1));
        await app.WaitForProcessedAsync(before, 1);
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var refusal = Assert.Single(await (await operations.GetAsync($"/api/v1/screening/refusals?sensorId={sensor.Sensor.Id}")).OkAsync<List<RefusalView>>());
        Assert.Equal(RefusalReasons.ForeignTopic, refusal.Reason);
        Assert.Contains(other.Sensor.Code, refusal.LastDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_in_process_broker_listens_on_loopback_only_unless_configured_otherwise()
    {
        Assert.Equal("127.0.0.1", new MqttOptions().BindAddress);

        // The fixture leaves Summit:Mqtt:BindAddress at its default: only 127.0.0.1 answers, not the host's other addresses, nor IPv6.
        var elsewhere = NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .Where(a => !a.Equals(IPAddress.Loopback) && !a.IsIPv6LinkLocal).Append(IPAddress.IPv6Loopback).Distinct().ToList();
        foreach (var address in elsewhere)
        {
            using var tcp = new TcpClient(address.AddressFamily);
            var reached = false;
            try
            {
                await tcp.ConnectAsync(address, app.BrokerPort).WaitAsync(TimeSpan.FromSeconds(5));
                reached = true;
            }
            catch (Exception ex) when (ex is SocketException or TimeoutException)
            {
            }

            Assert.False(reached, $"The broker answered on {address}.");
        }

        using var loopback = new TcpClient();
        await loopback.ConnectAsync(IPAddress.Loopback, app.BrokerPort);
    }

    [Fact]
    public async Task A_packet_over_the_limit_is_refused_from_its_header_without_buffering_and_the_broker_keeps_working()
    {
        var sensors = new List<SensorEnrolment>();
        for (var i = 0; i < 4; i++)
        {
            sensors.Add(await app.EnrolSensorAsync(app.Venue.MainIn.Id));
        }

        var before = app.Processed;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        // The probe: four parallel publishes of 250 MB. Each announces its size in its header; the broker must close at once.
        var closed = await Task.WhenAll(sensors.Select(async sensor =>
        {
            await using var raw = await RawMqtt.OpenAsync(app.BrokerHost, app.BrokerPort);
            Assert.Equal(0, await raw.ConnectAsync(sensor.Sensor.Code, sensor.Sensor.Code, sensor.Secret));
            await raw.SendHeaderAsync(0x30, 250_000_000);
            return await raw.SendUntilClosedAsync(8 * 1024 * 1024, TimeSpan.FromSeconds(10));
        }));
        // Nor may anyone announce a huge CONNECT before logging in.
        bool closedBeforeLogin;
        await using (var raw = await RawMqtt.OpenAsync(app.BrokerHost, app.BrokerPort))
        {
            await raw.SendHeaderAsync(0x10, 250_000_000);
            closedBeforeLogin = await raw.SendUntilClosedAsync(8 * 1024 * 1024, TimeSpan.FromSeconds(10));
        }

        var grew = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Assert.All(closed, Assert.True);
        Assert.True(closedBeforeLogin);
        // Four buffered 250 MB bodies would be a gigabyte; what the whole server allocated meanwhile stays far below one of them.
        Assert.True(grew < 200_000_000, $"The server allocated {grew:N0} bytes while refusing the packets.");

        // Each refusal is counted (the sensor's login, or unknown before a login), and the same sensor's next reading is stored.
        await app.WaitForProcessedAsync(before, 5);
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var refusals = await (await operations.GetAsync("/api/v1/screening/refusals")).OkAsync<List<RefusalView>>();
        foreach (var sensor in sensors)
        {
            var refusal = Assert.Single(refusals, r => r.SensorId == sensor.Sensor.Id);
            Assert.Equal(RefusalReasons.PacketTooLarge, refusal.Reason);
            Assert.Equal(1, refusal.Count);
        }

        Assert.Contains(refusals, r => r.SensorId == null && r.Reason == RefusalReasons.PacketTooLarge);
        var storedBefore = app.Writer.Stored;
        before = app.Processed;
        using var publisher = await app.PublisherAsync(sensors[0].Sensor.Code, sensors[0].Secret);
        await ScreeningFactory.PublishAsync(publisher, SensorMessages.TopicFor(sensors[0].Sensor.Code), app.Reading(sensors[0], 36.6, 1));
        await app.WaitForProcessedAsync(before, 1);
        Assert.Equal(storedBefore + 1, app.Writer.Stored);
    }

    private async Task<MqttClientConnectResultCode> ConnectAsync(IMqttClient client, string clientId, SensorEnrolment credentials, bool cleanSession)
    {
        var options = new MqttClientOptionsBuilder().WithTcpServer(app.BrokerHost, app.BrokerPort).WithClientId(clientId).WithCleanSession(cleanSession)
            .WithCredentials(credentials.Sensor.Code, credentials.Secret).Build();
        return (await client.ConnectAsync(options)).ResultCode;
    }
}
