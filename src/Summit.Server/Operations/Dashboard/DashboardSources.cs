using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Operations.Dashboard;

/// <summary>A lane that refuses every scan until a security officer clears it (a fever reading at its gate).</summary>
public sealed record LaneHoldItem(Guid GateId, string GateCode, string GateNameEn, string GateNameZh, DateTimeOffset Since, double? Celsius)
{
    public string GateName(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? GateNameZh : GateNameEn;
}

/// <summary>A reading above the threshold, newest first on the screen.</summary>
public sealed record TemperatureAlertItem(Guid Id, DateTimeOffset At, string Sensor, string? GateCode, double Celsius, bool Open);

public sealed record ScreeningPanel(IReadOnlyList<LaneHoldItem> Holds, IReadOnlyList<TemperatureAlertItem> Alerts);

/// <summary>An open incident as the wall screen shows it; <see cref="DueAt"/> is when its SLA runs out (null: no SLA).</summary>
public sealed record OpenIncidentItem(Guid Id, string Number, string TitleEn, string TitleZh, IncidentType Type, IncidentSeverity Severity,
    string PlaceEn, string PlaceZh, DateTimeOffset OpenedAt, DateTimeOffset? DueAt)
{
    public string Title(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? TitleZh : TitleEn;

    public string Place(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? PlaceZh : PlaceEn;
}

/// <summary>
/// The screening panel's figures: lanes on hold and recent temperature alerts. Implemented on the Operations side over the
/// screening module's public services (modules never reference Operations); scoped. When it fails, the panel says it is
/// unavailable and the rest of the screen stays live. The board refreshes when the screening module's live feed reports a change.
/// </summary>
public interface IScreeningDashboardSource
{
    Task<ScreeningPanel> ReadAsync(CancellationToken ct);
}

/// <summary>The open incidents with their SLA clocks, from the incidents module. Scoped; a failure shows as with screening.</summary>
public interface IIncidentDashboardSource
{
    Task<IReadOnlyList<OpenIncidentItem>> OpenAsync(CancellationToken ct);
}

/// <summary>
/// A live feed of another module that tells the board its panel changed (a hold raised or cleared, an incident opened or
/// moved), so the screens follow within a second rather than at the next heartbeat. Singleton, registered beside the panel source.
/// </summary>
public interface IDashboardChangeSource
{
    IDisposable Subscribe(Action changed);
}
