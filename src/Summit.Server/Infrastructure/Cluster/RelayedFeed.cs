using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Infrastructure.Cluster;

/// <summary>
/// Pushes committed changes to the open pages of every server process: this process's subscribers at once, and through
/// <see cref="ClusterSignals.Relay"/> every other process's, which hear them as if made there (ADR 0029). A slow subscriber never
/// delays the change: each handler runs in the background, in the culture it subscribed in. Singleton.
/// </summary>
/// <remarks>
/// A change travels as a short text of the subclass's making: what a page needs to decide whether to reload, never personal data
/// (a page reads the database again, so a push is only a hint). A large change is split into several texts.
/// </remarks>
public abstract class RelayedFeed<T> where T : class
{
    private readonly ClusterSignals _signals;
    private readonly string _topic;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Func<T, Task>[] _subscribers = [];

    protected RelayedFeed(ClusterSignals signals, string topic, ILogger logger)
    {
        _signals = signals;
        _topic = topic;
        _logger = logger;
        signals.Subscribe(topic, payload =>
        {
            if (Decode(payload) is { } change)
            {
                Deliver(change);
            }
            else
            {
                logger.LogWarning("An unreadable {Topic} change from another server process was ignored", topic);
            }
        });
    }

    public IDisposable Subscribe(Func<T, Task> handler)
    {
        handler = SubscriberCulture.Keep(handler);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, handler];
        }

        return new Subscription(() =>
        {
            lock (_gate)
            {
                _subscribers = [.. _subscribers.Where(s => s != handler)];
            }
        });
    }

    /// <summary>Tells every page of every process; call after the change is saved.</summary>
    public void Publish(T change)
    {
        if (IsEmpty(change))
        {
            return;
        }

        Deliver(change);
        if (_signals.SpansProcesses)
        {
            foreach (var payload in Encode(change))
            {
                _signals.Relay(_topic, payload);
            }
        }
    }

    /// <summary>A change that tells nothing (a batch of duplicates) goes nowhere.</summary>
    protected virtual bool IsEmpty(T change) => false;

    /// <summary>The change as texts of at most <see cref="ClusterSignals.MaxPayloadLength"/> ASCII characters, no quote or backslash.</summary>
    protected internal abstract IEnumerable<string> Encode(T change);

    /// <summary>One text of <see cref="Encode"/> back as a change, or null when it cannot be read.</summary>
    protected internal abstract T? Decode(string payload);

    private void Deliver(T change)
    {
        foreach (var subscriber in _subscribers)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await subscriber(change);
                }
                catch (Exception ex)
                {
                    _logger.LogWarning(ex, "A live page failed to take a {Topic} change", _topic);
                }
            });
        }
    }
}
