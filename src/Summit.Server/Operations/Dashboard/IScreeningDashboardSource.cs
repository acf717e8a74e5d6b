namespace Summit.Server.Operations.Dashboard;

/// <summary>
/// The screening panel's figures: lanes on hold and recent temperature alerts. Implemented on the Operations side over the
/// screening module's public services (modules never reference Operations); scoped. When it fails, the panel says it is
/// unavailable and the rest of the screen stays live. The board refreshes when the screening module's live feed reports a change.
/// </summary>
public interface IScreeningDashboardSource
{
    Task<ScreeningPanel> ReadAsync(CancellationToken ct);
}
