using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using System.Threading.Channels;
using Npgsql;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Infrastructure.Cluster;

/// <summary>
/// Tells every server process of the deployment that something it may keep in memory changed in the database (a threshold, a revoked
/// device, the sensors), so that no process goes on with a stale copy. Handlers of this process run at once; on PostgreSQL the signal
/// also goes out with <c>pg_notify</c> and <see cref="ClusterSignalListener"/> hands it to the handlers of every other process
/// (docs/adr/0029-cluster-signals-over-postgres-notify.md). On SQLite, which one process owns, the signal stays in the process.
/// </summary>
public sealed class ClusterSignals(DatabaseSettings database, ILogger<ClusterSignals> logger)
{
    /// <summary>The PostgreSQL channel every process listens on.</summary>
    public const string Channel = "summit_signals";

    /// <summary>
    /// Signalled in this process when its listener reconnected to PostgreSQL: signals sent meanwhile were lost, so a cache subscribes
    /// to this topic too and forgets everything.
    /// </summary>
    public const string ReconnectedTopic = "cluster.reconnected";

    /// <summary>
    /// pg_notify refuses messages of 8,000 bytes or more; a payload of ASCII without quotes or backslashes fits with its envelope.
    /// A cache signal carries a key; a relayed change carries what a live page counts (a few dozen scans), never personal data.
    /// </summary>
    public const int MaxPayloadLength = 7_000;

    /// <summary>Relayed changes waiting for the sender; beyond this a burst drops the oldest (pages also refresh on their own).</summary>
    private const int RelayQueueLength = 10_000;

    /// <summary>One round trip sends up to this many relayed changes.</summary>
    private const int RelayBatch = 64;

    private readonly ConcurrentDictionary<string, ImmutableList<Action<string>>> _handlers = new(StringComparer.Ordinal);

    private readonly Channel<string> _relays = System.Threading.Channels.Channel.CreateBounded<string>(new BoundedChannelOptions(RelayQueueLength)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    /// <summary>This process, so that it does not handle its own signals twice when they come back from PostgreSQL.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    public bool SpansProcesses => database.Provider == DatabaseProvider.Postgres;

    /// <summary>Calls <paramref name="handler"/> with the payload of each signal of the topic, from this process or another.</summary>
    public IDisposable Subscribe(string topic, Action<string> handler)
    {
        _handlers.AddOrUpdate(topic, _ => [handler], (_, list) => list.Add(handler));
        return new Subscription(() => _handlers.AddOrUpdate(topic, _ => [], (_, list) => list.Remove(handler)));
    }

    /// <summary>Signals a change that is committed already: a process told before the commit could read the old value again.</summary>
    public async Task PublishAsync(string topic, string payload = "", CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payload.Length, MaxPayloadLength);
        Deliver(topic, payload);
        if (!SpansProcesses)
        {
            return;
        }

        try
        {
            await NotifyAsync([Envelope(topic, payload)], ct);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // The change is committed; the other processes' copies expire on their own (each cache has a lifetime) if a signal is lost.
            logger.LogWarning(ex, "Could not signal {Topic} to the other server processes", topic);
        }
    }

    /// <summary>
    /// Hands a change this process has already shown its own pages to the other processes' handlers of the topic (not to this
    /// process's). Returns at once: a sender sends the queued changes in batches, so a burst of scans costs a few round trips.
    /// </summary>
    public void Relay(string topic, string payload)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payload.Length, MaxPayloadLength);
        if (SpansProcesses)
        {
            _relays.Writer.TryWrite(Envelope(topic, payload));
        }
    }

    /// <summary>Sends the relayed changes until stopped; run by <see cref="ClusterSignalListener"/>.</summary>
    internal async Task SendRelaysAsync(CancellationToken stoppingToken)
    {
        var batch = new List<string>(RelayBatch);
        while (await _relays.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < RelayBatch && _relays.Reader.TryRead(out var message))
            {
                batch.Add(message);
            }

            try
            {
                await NotifyAsync(batch, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Lost hints: the other processes' pages catch up at their next own refresh.
                logger.LogWarning(ex, "Could not relay {Count} changes to the other server processes", batch.Count);
            }
        }
    }

    private string Envelope(string topic, string payload) =>
        JsonSerializer.Serialize(new SignalMessage(NodeId, topic, payload), JsonSerializerOptions.Web);

    /// <summary>Sends the messages on the channel in one round trip.</summary>
    private async Task NotifyAsync(IReadOnlyList<string> messages, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT " + string.Join(", ", messages.Select((_, i) => $"pg_notify(@channel, @m{i})")), connection);
        command.Parameters.AddWithValue("channel", Channel);
        for (var i = 0; i < messages.Count; i++)
        {
            command.Parameters.AddWithValue($"m{i}", messages[i]);
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>A notification from PostgreSQL: handled unless this process sent it (its handlers ran when it did).</summary>
    internal void Receive(string message)
    {
        SignalMessage? signal;
        try
        {
            signal = JsonSerializer.Deserialize<SignalMessage>(message, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            logger.LogWarning("An unreadable cluster signal was ignored");
            return;
        }

        if (signal is { Node: { } node, Topic: { } topic } && node != NodeId)
        {
            Deliver(topic, signal.Payload ?? "");
        }
    }

    internal void Reconnected() => Deliver(ReconnectedTopic, "");

    private void Deliver(string topic, string payload)
    {
        if (!_handlers.TryGetValue(topic, out var handlers))
        {
            return;
        }

        foreach (var handler in handlers)
        {
            try
            {
                handler(payload);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A handler of the cluster signal {Topic} failed", topic);
            }
        }
    }

    private sealed record SignalMessage(string? Node, string? Topic, string? Payload);
}
