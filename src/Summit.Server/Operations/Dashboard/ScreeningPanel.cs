namespace Summit.Server.Operations.Dashboard;

public sealed record ScreeningPanel(IReadOnlyList<LaneHoldItem> Holds, IReadOnlyList<TemperatureAlertItem> Alerts);
