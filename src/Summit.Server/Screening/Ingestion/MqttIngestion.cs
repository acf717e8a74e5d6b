using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Summit.Server.Screening.Sensors;

namespace Summit.Server.Screening.Ingestion;

/// <summary>
/// The one ingestion path (docs/adr/0011): Summit always subscribes as an MQTT client to "summit/v1/sensors/+/readings", on
/// its own in-process broker by default or on an external broker (Mosquitto) when Summit:Mqtt:BrokerHost is set. The
/// in-process broker lets a sensor in with its code and secret, and Summit's own client with a password made at start.
/// Messages go to the <see cref="ReadingWriter"/> queue; the client reconnects and resubscribes whenever the link drops.
/// </summary>
public sealed class MqttIngestion(IOptions<MqttOptions> mqttOptions, SensorDirectory directory, ReadingWriter writer, TimeProvider clock,
    ILogger<MqttIngestion> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly MqttOptions _options = mqttOptions.Value;
    private readonly string _internalPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private MqttServer? _broker;

    /// <summary>The port of the in-process broker once started (the configured one, or the one the OS chose); null without one.</summary>
    public int? BrokerPort { get; private set; }

    /// <summary>Completes when Summit first holds its subscription (tests and the bench publish after this).</summary>
    public Task Subscribed => _subscribed.Task;

    public bool Enabled => _options.UsesExternalBroker || _options.Port != 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            logger.LogInformation("MQTT ingestion is off (Summit:Mqtt:Port is 0 and no Summit:Mqtt:BrokerHost)");
            return;
        }

        string host;
        int port;
        string? username;
        string? password;
        if (_options.UsesExternalBroker)
        {
            (host, port, username, password) = (_options.BrokerHost!, _options.BrokerPort, _options.Username, _options.Password);
        }
        else
        {
            try
            {
                _broker = await StartBrokerAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The rest of Summit must run even when the port is taken (a system Mosquitto on 1883, say): no ingestion, a clear log.
                logger.LogError(ex, "The in-process MQTT broker cannot listen on {Address}:{Port}; sensor readings are not ingested. "
                    + "Free the port, choose another (Summit:Mqtt:Port) or use that broker (Summit:Mqtt:BrokerHost)", _options.BindAddress, _options.Port);
                return;
            }

            (host, port, username, password) = ("127.0.0.1", BrokerPort!.Value, _options.ClientId, _internalPassword);
        }

        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += async e =>
        {
            var (bytes, truncated) = PayloadCopy.Of(e.ApplicationMessage.Payload);
            await writer.EnqueueAsync(new SensorMessage(e.ApplicationMessage.Topic, bytes, clock.GetUtcNow(), truncated), stoppingToken);
        };
        var clientOptions = new MqttClientOptionsBuilder().WithTcpServer(host, port).WithClientId(_options.ClientId).WithCleanSession(true)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (!string.IsNullOrEmpty(username))
        {
            clientOptions = clientOptions.WithCredentials(username, password);
        }

        var built = clientOptions.Build();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(built, stoppingToken);
                    await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                        .WithTopicFilter(f => f.WithTopic(SensorMessages.SubscriptionFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                        .Build(), stoppingToken);
                    logger.LogInformation("Subscribed to {Filter} on {Host}:{Port}", SensorMessages.SubscriptionFilter, host, port);
                    _subscribed.TrySetResult();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Cannot reach the MQTT broker at {Host}:{Port}; retrying in {Delay}", host, port, RetryDelay);
            }

            try
            {
                await Task.Delay(RetryDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        if (client.IsConnected)
        {
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_broker is not null)
        {
            await _broker.StopAsync();
            _broker.Dispose();
        }
    }

    private async Task<MqttServer> StartBrokerAsync(CancellationToken ct)
    {
        var port = _options.Port > 0 ? _options.Port : throw new InvalidOperationException("No broker port.");
        var factory = new MqttServerFactory();
        var serverOptions = factory.CreateServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointPort(port)
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(_options.BindAddress))
            // The broker keeps what Summit's client has not taken yet: a burst of readings must wait, not be dropped.
            .WithMaxPendingMessagesPerClient(250_000)
            .Build();
        var broker = factory.CreateMqttServer(serverOptions);
        broker.ValidatingConnectionAsync += async e =>
        {
            if (e.UserName == _options.ClientId)
            {
                e.ReasonCode = e.Password == _internalPassword ? MqttConnectReasonCode.Success : MqttConnectReasonCode.BadUserNameOrPassword;
                return;
            }

            var sensors = await directory.GetAsync(ct);
            e.ReasonCode = e.UserName is { } user && sensors.TryGetValue(user, out var sensor) && !sensor.Revoked && sensor.SecretMatches(e.Password)
                ? MqttConnectReasonCode.Success
                : MqttConnectReasonCode.BadUserNameOrPassword;
        };
        // Only Summit reads readings: a sensor may publish but not subscribe. What it publishes is checked like any reading
        // (a sensor cannot sign for another), so a refused message is counted rather than dropped here unseen.
        broker.InterceptingSubscriptionAsync += e =>
        {
            if (e.UserName != _options.ClientId)
            {
                e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
                e.ProcessSubscription = false;
            }

            return Task.CompletedTask;
        };
        await broker.StartAsync();
        BrokerPort = port;
        logger.LogInformation("In-process MQTT broker listening on {Address}:{Port}", _options.BindAddress, port);
        return broker;
    }
}
