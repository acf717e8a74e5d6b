using Summit.Server.Incidents.Contracts;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Operations.Dashboard;

namespace Summit.Tests.Operations.Dashboard;

/// <summary>Fixed screening and incident panels, standing in for those modules, to show how the dashboard plugs them in.</summary>
public sealed class FixedPanels(TimeProvider clock) : IScreeningDashboardSource, IIncidentDashboardSource
{
    public static readonly Guid GateId = Guid.NewGuid();

    public Task<ScreeningPanel> ReadAsync(CancellationToken ct) => Task.FromResult(new ScreeningPanel(
        [new LaneHoldItem(GateId, "N1", "North Gate 1", "北门1号闸", clock.GetUtcNow().AddMinutes(-3), 38.4)],
        [new TemperatureAlertItem(Guid.NewGuid(), clock.GetUtcNow().AddMinutes(-3), "IR-N1", "N1", 38.4, Open: true)]));

    public Task<IReadOnlyList<OpenIncidentItem>> OpenAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<OpenIncidentItem>>(
    [
        new(Guid.NewGuid(), "INC-0007", "Fever at North Gate 1", "北门1号闸发热", IncidentType.Health, IncidentSeverity.High, "Gate N1", "N1闸口",
            clock.GetUtcNow().AddMinutes(-3), clock.GetUtcNow().AddMinutes(12)),
        new(Guid.NewGuid(), "INC-0003", "Broken turnstile", "闸机故障", IncidentType.Equipment, IncidentSeverity.Medium, "Gate X2", "X2闸口",
            clock.GetUtcNow().AddHours(-2), clock.GetUtcNow().AddMinutes(-5)),
    ]);
}
