using System.Net;
using MQTTnet.Protocol;
using MQTTnet.Server;
using Summit.Server.Screening.Sensors;

namespace Summit.Server.Screening.Ingestion;

/// <summary>
/// Summit's in-process broker (MQTTnet.Server), on one address (loopback unless Summit:Mqtt:BindAddress says otherwise). A sensor
/// logs in with its id and secret, under its id as client id, so that no login can claim another's session; it may publish but
/// subscribe to nothing. Summit takes every publish inside the broker and hands it to the <see cref="ReadingWriter"/>: there is no
/// ingest client whose session a login could take over (docs/adr/0016), and a sensor's acknowledgement waits while the writer's
/// queue is full. A packet over Summit:Mqtt:MaxPacketBytes ends its connection at its header (<see cref="BoundedMqttListener"/>)
/// and is counted as refused.
/// </summary>
public sealed class SensorBroker : IAsyncDisposable
{
    private readonly MqttOptions _options;
    private readonly SensorDirectory _directory;
    private readonly ReadingWriter _writer;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly BoundedMqttListener _listener;
    private readonly MqttServer _server;

    public SensorBroker(MqttOptions options, SensorDirectory directory, ReadingWriter writer, TimeProvider clock, ILogger logger)
    {
        _options = options;
        _directory = directory;
        _writer = writer;
        _clock = clock;
        _logger = logger;
        _listener = new BoundedMqttListener(new IPEndPoint(IPAddress.Parse(options.BindAddress), options.Port), options.MaxPacketBytes, CountRefusedPacketAsync,
            logger);
        var serverOptions = new MqttServerOptionsBuilder()
            // A connection that says nothing is dropped after this, instead of holding a socket for MQTTnet's default 100 s.
            .WithDefaultCommunicationTimeout(TimeSpan.FromSeconds(15))
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions, [_listener]);
        _server.ValidatingConnectionAsync += ValidateAsync;
        _server.InterceptingSubscriptionAsync += RefuseSubscription;
        _server.InterceptingPublishAsync += TakeAsync;
    }

    /// <summary>Where the broker listens once started.</summary>
    public IPEndPoint? Endpoint => _listener.LocalEndpoint;

    public Task StartAsync() => _server.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
    }

    private async Task ValidateAsync(ValidatingConnectionEventArgs e)
    {
        var sensors = await _directory.GetAsync(e.CancellationToken);
        if (e.UserName is not { } login || !sensors.TryGetValue(login, out var sensor) || sensor.Revoked || !sensor.SecretMatches(e.Password))
        {
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            return;
        }

        // A client id names a session: a login that could choose another's would take that session over (and its subscriptions).
        if (!string.Equals(e.ClientId, login, StringComparison.Ordinal))
        {
            _logger.LogWarning("MQTT: sensor {Sensor} tried to connect as client {ClientId} from {Remote}; refused", login, e.ClientId, e.RemoteEndPoint);
            e.ReasonCode = MqttConnectReasonCode.ClientIdentifierNotValid;
            return;
        }

        _listener.Identify(e.RemoteEndPoint, login);
        e.ReasonCode = MqttConnectReasonCode.Success;
    }

    // Readings are for Summit only, and Summit reads them inside the broker: nobody subscribes to anything.
    private static Task RefuseSubscription(InterceptingSubscriptionEventArgs e)
    {
        e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        e.ProcessSubscription = false;
        return Task.CompletedTask;
    }

    private async Task TakeAsync(InterceptingPublishEventArgs e)
    {
        // Nothing is routed or retained: the writer checks each message (the topic against the login included) and counts refusals.
        e.ProcessPublish = false;
        var (bytes, truncated) = PayloadCopy.Of(e.ApplicationMessage.Payload);
        await _writer.EnqueueAsync(new SensorMessage(e.ApplicationMessage.Topic ?? "", bytes, _clock.GetUtcNow(), truncated, e.UserName), e.CancellationToken);
    }

    private async ValueTask CountRefusedPacketAsync(PacketRefusal refusal)
    {
        _logger.LogWarning("MQTT: a packet of {Bytes} bytes (limit {Limit}) from {Login} at {Remote} was refused and its connection closed",
            refusal.AnnouncedBytes, refusal.LimitBytes, refusal.Login ?? "(not logged in)", refusal.From);
        await _writer.EnqueueAsync(SensorMessage.RefusedPacket(refusal, _clock.GetUtcNow()), CancellationToken.None);
    }
}
