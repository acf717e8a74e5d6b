using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace Summit.Server.Screening.Ingestion;

/// <summary>
/// The TCP listener of Summit's in-process broker, in place of MQTTnet's own: it listens on exactly one address (no IPv6 "any"
/// beside it) and ends a connection at the header of a packet over <c>Summit:Mqtt:MaxPacketBytes</c>. MQTTnet allocates a packet's
/// whole body as soon as it has read the length in its header and has no size limit of its own, so the check must come between
/// the socket and MQTTnet (<see cref="PacketLimitStream"/>).
/// </summary>
internal sealed class BoundedMqttListener(IPEndPoint endpoint, int maxPacketBytes, Func<PacketRefusal, ValueTask> refused, ILogger logger)
    : IMqttServerAdapter
{
    private readonly ConcurrentDictionary<EndPoint, Connection> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;
    private bool _stopped;

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    /// <summary>Where it listens once started (the port the OS chose when the endpoint's is 0).</summary>
    public IPEndPoint? LocalEndpoint => _listener?.LocalEndpoint as IPEndPoint;

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger mqttLogger)
    {
        _listener = new TcpListener(endpoint);
        _listener.Start(backlog: 100);
        _ = AcceptAsync(options, mqttLogger, _stopping.Token);
        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            _stopping.Cancel();
            _listener?.Stop();
        }

        return Task.CompletedTask;
    }

    /// <summary>Notes the login of a connection once the broker has accepted it, so that a refused packet is counted against that sensor.</summary>
    public void Identify(EndPoint? remote, string login)
    {
        if (remote is not null && _connections.TryGetValue(remote, out var connection))
        {
            connection.Login = login;
        }
    }

    public void Dispose()
    {
        StopAsync();
        _stopping.Dispose();
    }

    private async Task AcceptAsync(MqttServerOptions options, IMqttNetLogger mqttLogger, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptSocketAsync(ct);
            }
            catch (Exception ex) when (ct.IsCancellationRequested && ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                logger.LogWarning(ex, "The MQTT listener could not accept a connection");
                continue;
            }

            _ = Task.Run(() => ServeAsync(socket, options, mqttLogger), CancellationToken.None);
        }
    }

    private async Task ServeAsync(Socket socket, MqttServerOptions options, IMqttNetLogger mqttLogger)
    {
        var remote = socket.RemoteEndPoint;
        var connection = new Connection();
        if (remote is not null)
        {
            _connections[remote] = connection;
        }

        try
        {
            socket.NoDelay = true;
            await using var stream = new PacketLimitStream(new NetworkStream(socket, ownsSocket: true), maxPacketBytes,
                announced => refused(new PacketRefusal(connection.Login, remote?.ToString() ?? "?", announced, maxPacketBytes)));
            var channel = new MqttTcpChannel(stream, socket.LocalEndPoint, remote, null);
            var formatter = new MqttPacketFormatterAdapter(new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax));
            using var adapter = new MqttChannelAdapter(channel, formatter, mqttLogger);
            if (ClientHandler is { } handler)
            {
                await handler(adapter);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            logger.LogDebug(ex, "MQTT connection from {Remote} ended", remote);
        }
        finally
        {
            if (remote is not null)
            {
                _connections.TryRemove(remote, out _);
            }

            socket.Dispose();
        }
    }

    private sealed class Connection
    {
        public volatile string? Login;
    }
}
