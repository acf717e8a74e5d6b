using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Operations.Dashboard;

/// <summary>A lane that refuses every scan until a security officer clears it (a fever reading at its gate).</summary>
public sealed record LaneHoldItem(Guid GateId, string GateCode, string GateNameEn, string GateNameZh, DateTimeOffset Since, decimal? Celsius)
{
    public string GateName(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? GateNameZh : GateNameEn;
}

/// <summary>A reading above the threshold, newest first on the screen.</summary>
public sealed record TemperatureAlertItem(Guid Id, DateTimeOffset At, string Sensor, string? GateCode, decimal Celsius, bool Open);

public sealed record ScreeningPanel(IReadOnlyList<LaneHoldItem> Holds, IReadOnlyList<TemperatureAlertItem> Alerts);

/// <summary>An open incident as the wall screen shows it; <see cref="DueAt"/> is when its SLA runs out (null: no SLA).</summary>
public sealed record OpenIncidentItem(Guid Id, string TitleEn, string TitleZh, IncidentType Type, IncidentSeverity Severity, string Status,
    string? Place, DateTimeOffset OpenedAt, DateTimeOffset? DueAt)
{
    public string Title(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? TitleZh : TitleEn;
}

/// <summary>
/// The screening panel's figures: lanes on hold and recent temperature alerts. Implemented on the Operations side over the
/// screening module's public services (modules never reference Operations); scoped. While none is registered, the panel says
/// screening is not connected. The board refreshes when the screening module's live feed reports a change.
/// </summary>
public interface IScreeningDashboardSource
{
    Task<ScreeningPanel> ReadAsync(CancellationToken ct);
}

/// <summary>The open incidents with their SLA clocks, from the incidents module. Scoped, optional like screening.</summary>
public interface IIncidentDashboardSource
{
    Task<IReadOnlyList<OpenIncidentItem>> OpenAsync(CancellationToken ct);
}
