using Summit.Server.Screening.Contracts;

namespace Summit.Server.Operations.Dashboard;

/// <summary>
/// The screening panel over the screening module's holds: open holds are the lanes stopped now; every hold is a reading above
/// the threshold, so the latest ones (open or decided) are the temperature alerts.
/// </summary>
public sealed class ScreeningPanelSource(IScreeningHolds holds) : IScreeningDashboardSource
{
    private const int Alerts = 10;

    public async Task<ScreeningPanel> ReadAsync(CancellationToken ct)
    {
        var all = await holds.ListAsync(Alerts, ct);
        var open = all.Where(h => h.Status == HoldStatus.Open).ToList();
        return new ScreeningPanel(
            [.. open.Select(h => new LaneHoldItem(h.GateId, h.GateCode, h.GateNameEn, h.GateNameZh, h.RaisedAt, h.Celsius))],
            [.. all.OrderByDescending(h => h.RaisedAt).Take(Alerts)
                .Select(h => new TemperatureAlertItem(h.Id, h.RaisedAt, h.SensorCode, h.GateCode, h.Celsius, h.Status == HoldStatus.Open))]);
    }
}
