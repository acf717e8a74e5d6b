using Summit.Server.Incidents.Contracts;

namespace Summit.Server.Operations.Dashboard;

/// <summary>Wakes the board when an incident is opened or changes.</summary>
public sealed class IncidentPanelChanges(IIncidentChanges feed) : IDashboardChangeSource
{
    public IDisposable Subscribe(Action changed) => feed.Subscribe(_ =>
    {
        changed();
        return Task.CompletedTask;
    });
}
