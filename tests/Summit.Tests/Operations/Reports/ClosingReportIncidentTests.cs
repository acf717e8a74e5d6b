using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Operations.Incidents;
using Summit.Server.Operations.Reports;
using Summit.Tests.Access;
using Summit.Tests.Operations.Incidents;

namespace Summit.Tests.Operations.Reports;

public class ClosingReportIncidentTests(IncidentsFactory app) : IClassFixture<IncidentsFactory>
{
    [Fact]
    public async Task Incidents_are_counted_by_type_with_median_times_and_sla_breaches()
    {
        // A high-severity security incident: acknowledged in 3 minutes (target 15), resolved after 150 (target 120).
        var incident = await app.RaiseAsync(Roles.GateOperator, IncidentType.Security, IncidentSeverity.High);
        var number = incident.Summary.Number;
        using var security = await app.ClientForAsync(Roles.SecurityOfficer);
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await (await security.MoveAsync(number, IncidentStatus.Acknowledged)).OkAsync<IncidentDetail>();
        await (await security.MoveAsync(number, IncidentStatus.InProgress)).OkAsync<IncidentDetail>();
        app.Clock.Advance(TimeSpan.FromMinutes(147));
        await (await security.MoveAsync(number, IncidentStatus.Resolved, "Escorted to the accreditation desk")).OkAsync<IncidentDetail>();

        // A health incident nobody has acknowledged, now an hour past its targets.
        await app.RaiseAsync(Roles.GateOperator, IncidentType.Health, IncidentSeverity.High);
        app.Clock.Advance(TimeSpan.FromMinutes(180));

        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var report = await (await operations.GetAsync("/api/v1/reports/closing")).OkAsync<ClosingReport>();
        Assert.Equal(
            [
                new IncidentTypeFigures(IncidentType.Security, 1, 1, 3, 150, 0, 1),
                new IncidentTypeFigures(IncidentType.Health, 1, 0, null, null, 1, 1),
            ],
            report.Incidents);

        // The figure's link lists those incidents.
        var listed = await (await operations.GetAsync(ClosingReportService.IncidentsLink(IncidentType.Security))).OkAsync<List<IncidentSummary>>();
        Assert.Equal(number, Assert.Single(listed).Number);
    }
}
