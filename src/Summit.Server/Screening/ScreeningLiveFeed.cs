using Summit.Server.Infrastructure.Localization;
using Summit.Server.Screening.Contracts;
namespace Summit.Server.Screening;

/// <summary>
/// Tells live pages (the screening page, the dashboard) about screening changes once they are committed. A slow subscriber never
/// delays ingestion: each handler runs in the background.
/// </summary>
public sealed class ScreeningLiveFeed(ILogger<ScreeningLiveFeed> logger) : IScreeningChanges
{
    private readonly Lock _gate = new();
    private Func<ScreeningChange, Task>[] _subscribers = [];

    public IDisposable Subscribe(Func<ScreeningChange, Task> handler)
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

    public void Publish(ScreeningChange change)
    {
        if (change is { Stored: 0, Refused: 0, HoldsRaised: 0, HoldDecided: false })
        {
            return;
        }

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
                    logger.LogWarning(ex, "A live page failed to take a screening update");
                }
            });
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
