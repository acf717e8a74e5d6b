using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Operations.Dashboard;
using Summit.Tests.Infrastructure;

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

public class PanelsFactory : SummitFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddScoped<FixedPanels>();
            services.AddScoped<IScreeningDashboardSource>(sp => sp.GetRequiredService<FixedPanels>());
            services.AddScoped<IIncidentDashboardSource>(sp => sp.GetRequiredService<FixedPanels>());
        });
    }
}

public class DashboardPanelsTests(PanelsFactory app) : IClassFixture<PanelsFactory>
{
    [Fact]
    public async Task Screening_and_incident_panels_show_holds_alerts_and_sla_clocks_when_their_modules_are_plugged_in()
    {
        var snapshot = await app.Services.GetRequiredService<OperationsBoard>().RefreshNowAsync();
        Assert.Equal("N1", Assert.Single(snapshot.Screening!.Holds).GateCode);
        Assert.Equal(2, snapshot.Incidents!.Count);

        using var browser = await app.BrowserForAsync(Roles.OperationsCentre);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/operations"));

        Assert.Contains("data-testid=\"ops-hold\" data-gate=\"N1\"", html);
        Assert.Contains("38.4 °C", html);
        Assert.Contains("Lanes on hold: 1", html);
        Assert.Contains("SLA 12:00 left", html);
        Assert.Contains("SLA overdue by 05:00", html);
        // The most urgent first: high before medium.
        Assert.True(html.IndexOf("INC-0007", StringComparison.Ordinal) < html.IndexOf("INC-0003", StringComparison.Ordinal));
        Assert.DoesNotContain("not connected", html);
    }
}
