using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Incidents;

/// <summary>The incident pages as the server first renders them for a signed-in browser, in both languages.</summary>
public class IncidentPagesTests(IncidentsFactory app) : IClassFixture<IncidentsFactory>
{
    [Fact]
    public async Task The_list_shows_unresolved_incidents_with_their_sla_clock_and_the_detail_its_actions_and_timeline()
    {
        var raised = await app.RaiseAsync(Roles.GateOperator, IncidentType.Security, IncidentSeverity.Critical, zoneId: app.Venue.Main.Id);
        var number = raised.Summary.Number;

        var list = await app.PageAsync(Roles.OperationsCentre, "/operations/incidents");
        Assert.Contains(number, list, StringComparison.Ordinal);
        Assert.Contains("5 min left to acknowledge", list, StringComparison.Ordinal);
        Assert.Contains("MAIN", list, StringComparison.Ordinal);

        var detail = await app.PageAsync(Roles.SecurityOfficer, $"/operations/incidents/{number}");
        Assert.Contains("A man without a badge argues with the stewards", detail, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"move-Acknowledged\"", detail, StringComparison.Ordinal);
        Assert.Contains("Raised", detail, StringComparison.Ordinal);
        // In the event's time zone (Asia/Shanghai), not the server's.
        var local = TimeZoneInfo.ConvertTime(raised.Summary.CreatedAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        Assert.Contains(local.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), detail, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromHours(8), local.Offset);
        // Assigning is for the operations centre.
        Assert.DoesNotContain("data-testid=\"assign-save\"", detail, StringComparison.Ordinal);

        var chinese = await app.PageAsync(Roles.OperationsCentre, $"/operations/incidents/{number}", "zh-Hans");
        Assert.Contains("待处理", chinese, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"assign-save\"", chinese, StringComparison.Ordinal);

        // Staff outside the incident teams see the Report a problem action, but not the incidents.
        var home = await app.PageAsync(Roles.Secretariat, "/");
        Assert.Contains("data-testid=\"report-problem\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"nav-incidents\"", home, StringComparison.Ordinal);
    }
}
