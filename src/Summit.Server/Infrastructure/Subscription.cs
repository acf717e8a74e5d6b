namespace Summit.Server.Infrastructure;

/// <summary>What a feed hands its subscriber: disposing it unsubscribes, once, however often it is disposed.</summary>
public sealed class Subscription(Action unsubscribe) : IDisposable
{
    private int _disposed;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            unsubscribe();
        }
    }
}
