using Summit.Server.Access.Contracts;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Access.Scanning;

/// <summary>
/// Tells live pages (gate consoles, occupancy) about scans as soon as they are committed. In-process: each page holds a
/// subscription for as long as it is open. A slow subscriber never delays scanning: publishing runs each handler in the
/// background and forgets it.
/// </summary>
public sealed class AccessLiveFeed(ILogger<AccessLiveFeed> logger) : IScanFeed
{
    private readonly Lock _gate = new();
    private Func<IReadOnlyList<ScanOutcome>, Task>[] _subscribers = [];

    public IDisposable Subscribe(Func<IReadOnlyList<ScanOutcome>, Task> handler)
    {
        handler = SubscriberCulture.Keep(handler);
        lock (_gate)
        {
            _subscribers = [.. _subscribers, handler];
        }

        return new Subscription(this, handler);
    }

    IDisposable IScanFeed.Subscribe(Func<IReadOnlyList<LiveScan>, Task> handler) => Subscribe(outcomes => handler([.. outcomes.Select(o =>
        new LiveScan(new ScanTallyItem(o.Scan.Id, o.Scan.GateId, o.Scan.ScannedAt, o.Scan.Direction, o.Scan.Admitted, o.Scan.Reason), o.Scan.ReceivedAt))]));

    public void Publish(IReadOnlyList<ScanOutcome> outcomes)
    {
        if (outcomes.Count == 0)
        {
            return;
        }

        foreach (var subscriber in _subscribers)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await subscriber(outcomes);
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "A live page failed to take a scan update");
                }
            });
        }
    }

    private void Unsubscribe(Func<IReadOnlyList<ScanOutcome>, Task> handler)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(s => s != handler)];
        }
    }

    private sealed class Subscription(AccessLiveFeed feed, Func<IReadOnlyList<ScanOutcome>, Task> handler) : IDisposable
    {
        public void Dispose() => feed.Unsubscribe(handler);
    }
}
