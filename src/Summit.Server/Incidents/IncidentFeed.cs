using Summit.Server.Incidents.Contracts;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Incidents;

/// <summary>
/// Pushes incident changes to open circuits (the bell in the app bar, the incident pages). In-process; a slow page never
/// delays the change: each handler runs in the background.
/// </summary>
public sealed class IncidentFeed(ILogger<IncidentFeed> logger) : IIncidentChanges
{
    private readonly Lock _gate = new();
    private Func<IncidentChange, Task>[] _subscribers = [];

    public IDisposable Subscribe(Func<IncidentChange, Task> handler)
    {
        handler = SubscriberCulture.Keep(handler);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, handler];
        }

        return new Subscription(this, handler);
    }

    IDisposable IIncidentChanges.Subscribe(Func<Guid, Task> changed) => Subscribe(change => changed(change.IncidentId));

    public void Publish(IncidentChange change)
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
                    logger.LogWarning(ex, "A page failed to take an incident update");
                }
            });
        }
    }

    private void Unsubscribe(Func<IncidentChange, Task> handler)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => s != handler)];
        }
    }

    private sealed class Subscription(IncidentFeed feed, Func<IncidentChange, Task> handler) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(handler);
    }
}
