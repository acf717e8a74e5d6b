namespace Summit.Server.Screening.Contracts;

/// <summary>
/// Screening's changes once they are committed (readings stored or refused, holds raised or decided), for live screens in other
/// modules. The handler runs in the background, in the culture it subscribed in. Singleton.
/// </summary>
public interface IScreeningChanges
{
    IDisposable Subscribe(Func<ScreeningChange, Task> handler);
}
