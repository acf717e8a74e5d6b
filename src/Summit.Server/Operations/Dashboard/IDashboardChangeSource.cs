namespace Summit.Server.Operations.Dashboard;

/// <summary>
/// A live feed of another module that tells the board its panel changed (a hold raised or cleared, an incident opened or
/// moved), so the screens follow within a second rather than at the next heartbeat. Singleton, registered beside the panel source.
/// </summary>
public interface IDashboardChangeSource
{
    IDisposable Subscribe(Action changed);
}
