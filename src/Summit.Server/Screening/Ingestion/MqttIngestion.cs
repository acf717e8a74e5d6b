using System.Net;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using Summit.Server.Screening.Sensors;

namespace Summit.Server.Screening.Ingestion;

/// <summary>
/// Takes sensor readings off MQTT into the <see cref="ReadingWriter"/> queue. By default Summit runs its own broker and takes each
/// publish inside it (<see cref="SensorBroker"/>); with Summit:Mqtt:BrokerHost set it subscribes to "summit/v1/sensors/+/readings" on
/// that broker (Mosquitto) as a client with its own login, and reconnects and resubscribes whenever the link drops (docs/adr/0016).
/// Several processes read one broker through a shared subscription (Summit:Mqtt:SharedGroup): each reading reaches one of them.
/// </summary>
public sealed class MqttIngestion(IOptions<MqttOptions> mqttOptions, SensorDirectory directory, ReadingWriter writer, TimeProvider clock,
    ILogger<MqttIngestion> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly MqttOptions _options = mqttOptions.Value;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SensorBroker? _broker;

    /// <summary>Where the in-process broker listens once started; null without one.</summary>
    public IPEndPoint? BrokerEndpoint => _broker?.Endpoint;

    /// <summary>The port of the in-process broker once started (the configured one, or the one the OS chose); null without one.</summary>
    public int? BrokerPort => BrokerEndpoint?.Port;

    /// <summary>Completes when Summit takes readings: its broker listens, or it holds its subscription on the external one.</summary>
    public Task Ready => _ready.Task;

    public bool Enabled => _options.UsesExternalBroker || _options.Port != 0;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            logger.LogInformation("MQTT ingestion is off (Summit:Mqtt:Port is 0 and no Summit:Mqtt:BrokerHost)");
            return;
        }

        if (!_options.UsesExternalBroker)
        {
            await StartBrokerAsync();
            return;
        }

        var (host, port) = (_options.BrokerHost!, _options.BrokerPort);
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += async e =>
        {
            var (bytes, truncated) = PayloadCopy.Of(e.ApplicationMessage.Payload);
            await writer.EnqueueAsync(new SensorMessage(e.ApplicationMessage.Topic, bytes, clock.GetUtcNow(), truncated), stoppingToken);
        };
        var clientOptions = new MqttClientOptionsBuilder().WithTcpServer(host, port).WithClientId(_options.ClientId).WithCleanSession(true)
            .WithTimeout(TimeSpan.FromSeconds(10));
        if (!string.IsNullOrEmpty(_options.Username))
        {
            clientOptions = clientOptions.WithCredentials(_options.Username, _options.Password);
        }

        var built = clientOptions.Build();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    var connected = await client.ConnectAsync(built, stoppingToken);
                    if (connected.ResultCode != MqttClientConnectResultCode.Success)
                    {
                        throw new InvalidOperationException($"The broker refused Summit's login ({connected.ResultCode}): check Summit:Mqtt:Username and Password.");
                    }

                    var subscribed = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder()
                        .WithTopicFilter(f => f.WithTopic(_options.SubscriptionFilter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
                        .Build(), stoppingToken);
                    if (subscribed.Items.Any(i => (int)i.ResultCode >= 0x80))
                    {
                        await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), stoppingToken);
                        throw new InvalidOperationException($"The broker refused Summit's subscription to {_options.SubscriptionFilter}: "
                            + "its ACL must let Summit's account read it (docs/screening/mqtt.md).");
                    }

                    logger.LogInformation("Subscribed to {Filter} on {Host}:{Port}", _options.SubscriptionFilter, host, port);
                    _ready.TrySetResult();
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
            await _broker.DisposeAsync();
        }
    }

    private async Task StartBrokerAsync()
    {
        try
        {
            var broker = new SensorBroker(_options, directory, writer, clock, logger);
            await broker.StartAsync();
            _broker = broker;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The rest of Summit must run even when the port is taken (a system Mosquitto on 1883, say): no ingestion, a clear log.
            logger.LogError(ex, "The in-process MQTT broker cannot listen on {Address}:{Port}; sensor readings are not ingested. "
                + "Free the port, choose another (Summit:Mqtt:Port) or use that broker (Summit:Mqtt:BrokerHost)", _options.BindAddress, _options.Port);
            return;
        }

        logger.LogInformation("In-process MQTT broker listening on {Endpoint}, packets up to {MaxPacketBytes} bytes", _broker.Endpoint, _options.MaxPacketBytes);
        _ready.TrySetResult();
    }
}
