using Summit.Server.Incidents;
using Summit.Server.Incidents.Contracts;
using Summit.Server.Incidents.Reading;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Operations.Reports;
using Summit.Tests.Access;
using Summit.Tests.Incidents;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Operations.Reports;

public class ClosingReportIncidentTests(IncidentsFactory app) : IClassFixture<IncidentsFactory>
{
    [Fact]
    public async Task Incidents_are_counted_by_type_with_median_times_and_sla_breaches()
    {
        // A high-severity security incident: acknowledged in 3 minutes (target 15), resolved after 150 (target 120).
        var start = WholeMinute();
        var incident = await app.RaiseAsync(Roles.GateOperator, IncidentType.Security, IncidentSeverity.High);
        var number = incident.Summary.Number;
        using var security = await app.ClientForAsync(Roles.SecurityOfficer);
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        await (await security.MoveAsync(number, IncidentStatus.Acknowledged)).OkAsync<IncidentDetail>();
        await (await security.MoveAsync(number, IncidentStatus.InProgress)).OkAsync<IncidentDetail>();
        app.Clock.Advance(TimeSpan.FromMinutes(147));
        await (await security.MoveAsync(number, IncidentStatus.Resolved, "Escorted to the accreditation desk")).OkAsync<IncidentDetail>();

        // A health incident nobody has acknowledged, an hour past its targets at the stamp.
        await app.RaiseAsync(Roles.GateOperator, IncidentType.Health, IncidentSeverity.High);
        app.Clock.Advance(TimeSpan.FromMinutes(180));
        var stamp = start.AddMinutes(330);

        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var report = await ReportRecords.ReportAsync(operations, stamp);
        Assert.Equal(new IncidentTypeFigures(IncidentType.Security, 1, 1, 3, 150, 0, 1, 0, 0), report.Incidents.Single(t => t.Type == IncidentType.Security));
        Assert.Equal(new IncidentTypeFigures(IncidentType.Health, 1, 0, null, null, 1, 1, 0, 0), report.Incidents.Single(t => t.Type == IncidentType.Health));

        // The figure's records list the incident with the times it is computed from and the SLA step.
        var resolved = Assert.Single(await ReportRecords.RecordsAsync(operations,
            ClosingReportLinks.Incidents(new IncidentTrace(stamp, IncidentMeasure.Resolve, IncidentType.Security))));
        Assert.Equal((number, "0", "done", "150"), (resolved["incident"], resolved["period"], resolved["sla_step"], resolved["minutes"]));
        Assert.Equal(start.AddMinutes(3), DateTimeOffset.Parse(resolved["acknowledged_at"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(("no", "yes"), (resolved["acknowledge_late"], resolved["resolve_late"]));
        var waiting = Assert.Single(await ReportRecords.RecordsAsync(operations,
            ClosingReportLinks.Incidents(new IncidentTrace(stamp, IncidentMeasure.AcknowledgeLate, IncidentType.Health))));
        Assert.Equal(("acknowledge", "", "yes"), (waiting["sla_step"], waiting["acknowledged_at"], waiting["acknowledge_late"]));
        Assert.True(await ReportRecords.RecomputeEveryFigureAsync(operations, await ReportRecords.FiguresAsync(operations, stamp)) >= 16);
    }

    [Fact]
    public async Task A_reopened_incident_counts_its_first_acknowledgement_its_final_resolution_and_the_time_reopened_apart()
    {
        // An equipment incident (high: acknowledge within 15 minutes, resolve within 120): acknowledged after 3 minutes, resolved
        // after 20; reopened at 30 (the camera failed again), acknowledged again at 50 (5 minutes past the new target) and
        // resolved at 70.
        var start = WholeMinute();
        var number = (await app.RaiseAsync(Roles.GateOperator, IncidentType.Equipment, IncidentSeverity.High)).Summary.Number;
        using var venue = await app.ClientForAsync(Roles.VenueManager);
        async Task At(int minute, IncidentStatus to, string? note = null)
        {
            app.Clock.SetUtcNow(start.AddMinutes(minute));
            await (await venue.MoveAsync(number, to, note)).OkAsync<IncidentDetail>();
        }

        await At(3, IncidentStatus.Acknowledged);
        await At(20, IncidentStatus.Resolved, "Camera restarted");
        await At(30, IncidentStatus.Open, "It froze again");
        await At(50, IncidentStatus.Acknowledged);
        await At(70, IncidentStatus.Resolved, "Camera replaced");
        app.Clock.SetUtcNow(start.AddMinutes(80));

        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        async Task<IncidentTypeFigures> EquipmentAt(int minute) =>
            (await ReportRecords.ReportAsync(operations, start.AddMinutes(minute))).Incidents.Single(t => t.Type == IncidentType.Equipment);

        // Before the reopen: resolved in 20 minutes.
        Assert.Equal(new IncidentTypeFigures(IncidentType.Equipment, 1, 1, 3, 20, 0, 0, 0, 0), await EquipmentAt(25));
        // Reopened five minutes ago and not acknowledged again: not resolved; the first acknowledgement stands.
        Assert.Equal(new IncidentTypeFigures(IncidentType.Equipment, 1, 0, 3, null, 0, 0, 1, 5), await EquipmentAt(35));
        // In the end: first acknowledged after 3 minutes (not 20, counted from the reopen), finally resolved after 70, reopened once
        // for 40 minutes, and acknowledged late once (the reopen's target was minute 45).
        Assert.Equal(new IncidentTypeFigures(IncidentType.Equipment, 1, 1, 3, 70, 1, 0, 1, 40), await EquipmentAt(75));

        var stamp = start.AddMinutes(75);
        var periods = await ReportRecords.RecordsAsync(operations, ClosingReportLinks.Incidents(new IncidentTrace(stamp, IncidentMeasure.Reopens,
            IncidentType.Equipment)));
        var reopened = Assert.Single(periods);
        Assert.Equal(("1", "40"), (reopened["period"], reopened["minutes"]));
        Assert.Equal(start.AddMinutes(45), DateTimeOffset.Parse(reopened["acknowledge_due_at"], System.Globalization.CultureInfo.InvariantCulture));
        var late = Assert.Single(await ReportRecords.RecordsAsync(operations, ClosingReportLinks.Incidents(new IncidentTrace(stamp,
            IncidentMeasure.AcknowledgeLate, IncidentType.Equipment))));
        Assert.Equal(("1", "yes"), (late["period"], late["acknowledge_late"]));
        var first = Assert.Single(await ReportRecords.RecordsAsync(operations, ClosingReportLinks.Incidents(new IncidentTrace(stamp,
            IncidentMeasure.Acknowledge, IncidentType.Equipment))));
        Assert.Equal(("0", "3"), (first["period"], first["minutes"]));
        Assert.True(await ReportRecords.RecomputeEveryFigureAsync(operations, await ReportRecords.FiguresAsync(operations, stamp)) >= 8);
        Assert.True(await ReportRecords.RecomputeEveryFigureAsync(operations, await ReportRecords.FiguresAsync(operations, start.AddMinutes(35))) >= 8);
    }

    [Theory]
    [InlineData("?measure=all")]
    [InlineData("?measure=raised&type=Weather")]
    [InlineData("")]
    public async Task A_malformed_incident_trace_is_refused_with_its_reason(string query)
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        await (await operations.GetAsync(ClosingReportLinks.IncidentsPath + query)).AssertProblemAsync(422, ReportErrors.ReportTraceInvalid);
    }

    /// <summary>Moves the shared clock on to the next whole minute, so that the test's own moments are stamps.</summary>
    private DateTimeOffset WholeMinute()
    {
        var next = ReportMoment.Of(app.Clock.GetUtcNow()).AddMinutes(1);
        app.Clock.SetUtcNow(next);
        return next;
    }
}
