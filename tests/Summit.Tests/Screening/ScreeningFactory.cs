using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;
using Summit.Server.Incidents;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Screening.Ingestion;
using Summit.Server.Screening.Sensors;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Screening;

/// <summary>The access test venue with Summit's in-process MQTT broker on a free port, and incidents recorded.</summary>
public class ScreeningFactory : AccessFactory
{
    private readonly int _brokerPort = FreePort();

    public IncidentLog Incidents { get; } = new();

    public virtual string BrokerHost => "127.0.0.1";

    public virtual int BrokerPort => _brokerPort;

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        // Summit:Mqtt:BindAddress stays at its default (BrokerSecurityTests checks that it is loopback only).
        ["Summit:Mqtt:Port"] = _brokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Incidents);
            services.AddScoped<IncidentReporter>();
            services.AddScoped<IIncidentReporter, RecordingIncidentReporter>();
        });
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Services.GetRequiredService<MqttIngestion>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
    }

    public ReadingWriter Writer => Services.GetRequiredService<ReadingWriter>();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Enrols a sensor on a gate as the admin; returns it with its secret.</summary>
    public virtual async Task<SensorEnrolment> EnrolSensorAsync(Guid gateId, string? code = null)
    {
        using var admin = await this.ClientForAsync(Roles.Admin);
        return await (await admin.PostAsJsonAsync("/api/v1/screening/sensors",
            new SensorInput(code ?? $"IR-{Guid.NewGuid():N}"[..12], "Infrared camera", gateId), Intents.Json)).OkAsync<SensorEnrolment>();
    }

    /// <summary>An MQTTnet client connected to the broker Summit reads, as a sensor: its id is both its login and its client id.</summary>
    public async Task<IMqttClient> PublisherAsync(string? username, string? password)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer(BrokerHost, BrokerPort).WithClientId(username ?? "test-" + Guid.NewGuid().ToString("N")[..8]);
        if (username is not null)
        {
            options = options.WithCredentials(username, password);
        }

        var result = await client.ConnectAsync(options.Build());
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            client.Dispose();
            throw new InvalidOperationException($"The broker refused the connection: {result.ResultCode}");
        }

        return client;
    }

    public static Task PublishAsync(IMqttClient client, string topic, string payload) =>
        client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

    public static Task PublishAsync(IMqttClient client, string topic, byte[] payload) =>
        client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

    /// <summary>A reading signed as the sensor would sign it, measured now on the server's clock unless told.</summary>
    public string Reading(SensorEnrolment sensor, double celsius, long seq, DateTimeOffset? at = null) =>
        SensorMessages.Payload(sensor.Sensor.Code, sensor.Secret, celsius, at ?? Clock.GetUtcNow(), seq);

    /// <summary>Publishes signed readings as the sensor, under its own login, and waits until the writer has taken them all.</summary>
    public async Task PublishReadingsAsync(SensorEnrolment sensor, params (long Seq, double Celsius)[] readings)
    {
        using var publisher = await PublisherAsync(sensor.Sensor.Code, sensor.Secret);
        var before = Processed;
        foreach (var (seq, celsius) in readings)
        {
            await PublishAsync(publisher, SensorMessages.TopicFor(sensor.Sensor.Code), Reading(sensor, celsius, seq));
        }

        await WaitForProcessedAsync(before, readings.Length);
    }

    /// <summary>Waits (up to a minute) until the writer has taken this many more messages than <paramref name="before"/>.</summary>
    public async Task WaitForProcessedAsync(long before, int more)
    {
        var watch = Stopwatch.StartNew();
        while (Writer.Stored + Writer.Refused < before + more)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60),
                $"Only {Writer.Stored + Writer.Refused - before} of {more} messages reached the writer.");
            await Task.Delay(20);
        }
    }

    public long Processed => Writer.Stored + Writer.Refused;
}
