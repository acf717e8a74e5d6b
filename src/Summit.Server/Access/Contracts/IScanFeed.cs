namespace Summit.Server.Access.Contracts;

/// <summary>
/// The scans as soon as they are committed, for live screens in other modules. The handler runs in the background, in the culture
/// it subscribed in; a slow one never delays scanning. Singleton: a subscription lasts until it is disposed.
/// </summary>
public interface IScanFeed
{
    IDisposable Subscribe(Func<IReadOnlyList<LiveScan>, Task> handler);
}
