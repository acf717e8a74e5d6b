using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Operations.Dashboard;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Operations.Dashboard;

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

        Assert.Contains("data-testid=\"ops-hold\" data-gate=\"N1\"", html, StringComparison.Ordinal);
        Assert.Contains("38.4 °C", html, StringComparison.Ordinal);
        Assert.Contains("Lanes on hold: 1", html, StringComparison.Ordinal);
        Assert.Contains("SLA 12:00 left", html, StringComparison.Ordinal);
        Assert.Contains("SLA overdue by 05:00", html, StringComparison.Ordinal);
        // The most urgent first: high before medium.
        Assert.True(html.IndexOf("INC-0007", StringComparison.Ordinal) < html.IndexOf("INC-0003", StringComparison.Ordinal));
        Assert.DoesNotContain("not connected", html, StringComparison.Ordinal);
    }
}
