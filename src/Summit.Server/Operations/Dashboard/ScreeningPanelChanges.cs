using Summit.Server.Screening.Contracts;

namespace Summit.Server.Operations.Dashboard;

/// <summary>Wakes the board when a reading is stored, a hold raised or a hold decided.</summary>
public sealed class ScreeningPanelChanges(IScreeningChanges feed) : IDashboardChangeSource
{
    public IDisposable Subscribe(Action changed) => feed.Subscribe(change =>
    {
        // Stored normal readings change nothing on the board: only holds do.
        if (change.HoldsRaised > 0 || change.HoldDecided)
        {
            changed();
        }

        return Task.CompletedTask;
    });
}
