namespace Summit.Server.Operations.Dashboard;

/// <summary>A reading above the threshold, newest first on the screen.</summary>
public sealed record TemperatureAlertItem(Guid Id, DateTimeOffset At, string Sensor, string? GateCode, double Celsius, bool Open);
