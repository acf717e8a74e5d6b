namespace Summit.Server.Incidents.Contracts;

/// <summary>
/// Tells live screens in other modules that an incident was raised or changed (its id), once the change is committed. The handler
/// runs in the background, in the culture it subscribed in. Singleton.
/// </summary>
public interface IIncidentChanges
{
    IDisposable Subscribe(Func<Guid, Task> changed);
}
