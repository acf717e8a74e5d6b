using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Incidents;
using Summit.Server.Incidents.Progress;
using Summit.Server.Incidents.Raising;
using Summit.Server.Incidents.Reading;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Incidents;

/// <summary>An incident from its report to its close and back: who may do what, in which order, and what each step leaves behind.</summary>
public class IncidentLifecycleTests(IncidentsFactory app) : IClassFixture<IncidentsFactory>
{
    [Fact]
    public async Task A_staff_report_goes_to_its_team_which_drives_it_to_closed_and_may_reopen_it()
    {
        var raised = await app.RaiseAsync(Roles.GateOperator, IncidentType.Security, IncidentSeverity.High, zoneId: app.Venue.Main.Id);
        var number = raised.Summary.Number;
        Assert.Matches("^INC-[0-9]{4}$", number);
        Assert.Equal(IncidentStatus.Open, raised.Summary.Status);
        Assert.Equal(Roles.SecurityOfficer, raised.Summary.AssignedTeam);
        Assert.Equal(SummitFactory.EmailOf(Roles.GateOperator), raised.Reporter);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(15), raised.AcknowledgeDueAt);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(120), raised.ResolveDueAt);
        Assert.Equal(new SlaClock("acknowledge", raised.AcknowledgeDueAt, false), raised.Summary.Sla);

        using var gate = await app.ClientForAsync(Roles.GateOperator);
        Assert.Equal(HttpStatusCode.Forbidden, (await gate.GetAsync($"/api/v1/incidents/{number}")).StatusCode);
        using var venue = await app.ClientForAsync(Roles.VenueManager);
        await (await venue.MoveAsync(number, IncidentStatus.Acknowledged)).AssertProblemAsync(403, IncidentErrors.NotYours);

        using var security = await app.ClientForAsync(Roles.SecurityOfficer);
        await (await security.MoveAsync(number, IncidentStatus.Closed)).AssertProblemAsync(409, IncidentErrors.TransitionIllegal);
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(IncidentStatus.Acknowledged, (await (await security.MoveAsync(number, IncidentStatus.Acknowledged)).OkAsync<IncidentDetail>()).Summary.Status);
        await (await security.MoveAsync(number, IncidentStatus.Acknowledged)).AssertProblemAsync(409, IncidentErrors.TransitionIllegal);
        Assert.Equal(IncidentStatus.InProgress, (await (await security.MoveAsync(number, IncidentStatus.InProgress)).OkAsync<IncidentDetail>()).Summary.Status);
        await (await security.MoveAsync(number, IncidentStatus.Resolved, "  ")).AssertProblemAsync(422, IncidentErrors.ReasonRequired);
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        var resolved = await (await security.MoveAsync(number, IncidentStatus.Resolved, "Escorted out; accreditation checked")).OkAsync<IncidentDetail>();
        Assert.Equal(IncidentStatus.Resolved, resolved.Summary.Status);
        Assert.Equal("Escorted out; accreditation checked", resolved.Resolution);
        Assert.Null(resolved.Summary.Sla);
        var closed = await (await security.MoveAsync(number, IncidentStatus.Closed)).OkAsync<IncidentDetail>();
        Assert.Equal(IncidentStatus.Closed, closed.Summary.Status);
        Assert.NotNull(closed.ClosedAt);

        await (await security.MoveAsync(number, IncidentStatus.InProgress)).AssertProblemAsync(409, IncidentErrors.TransitionIllegal);
        await (await security.MoveAsync(number, IncidentStatus.Open)).AssertProblemAsync(422, IncidentErrors.ReasonRequired);
        var reopened = await (await security.MoveAsync(number, IncidentStatus.Open, "He came back through gate A2")).OkAsync<IncidentDetail>();
        Assert.Equal(IncidentStatus.Open, reopened.Summary.Status);
        Assert.Null(reopened.AcknowledgedAt);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(15), reopened.AcknowledgeDueAt);
        Assert.Equal(
            [TimelineKind.Raised, TimelineKind.Acknowledged, TimelineKind.Started, TimelineKind.Resolved, TimelineKind.Closed, TimelineKind.Reopened],
            reopened.Timeline.Select(t => t.Kind));
        Assert.Equal("He came back through gate A2", reopened.Timeline[^1].Text);

        var audit = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "incident" && a.EntityId == raised.Summary.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Equal(1, audit.Count(a => a == IncidentAuditActions.Created));
        Assert.Equal(5, audit.Count(a => a == IncidentAuditActions.StatusChanged));
    }

    [Fact]
    public async Task A_report_without_description_place_or_type_is_refused_field_by_field()
    {
        using var client = await app.ClientForAsync(Roles.Secretariat);
        var response = await client.PostAsJsonAsync("/api/v1/incidents", new IncidentInput(null, IncidentSeverity.Low, null, " ", null, null, null), Intents.Json);
        await response.AssertProblemAsync(422, ErrorCodes.RequestInvalid);
        var fields = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("details").EnumerateArray()
            .Select(p => p.GetProperty("field").GetString()).ToList();
        Assert.Equal(["type", "description", "place"], fields);

        var unknownZone = await client.PostAsJsonAsync("/api/v1/incidents",
            new IncidentInput(IncidentType.Other, IncidentSeverity.Low, null, "Spilled coffee", Guid.NewGuid(), null, null), Intents.Json);
        await unknownZone.AssertProblemAsync(422, ErrorCodes.RequestInvalid);

        using var centre = await app.ClientForAsync(Roles.OperationsCentre);
        await (await centre.GetAsync("/api/v1/incidents/INC-9999")).AssertProblemAsync(404, IncidentErrors.NotFound);
        await (await centre.GetAsync("/api/v1/incidents/not-a-number")).AssertProblemAsync(404, IncidentErrors.NotFound);
    }

    [Fact]
    public async Task The_operations_centre_assigns_to_a_team_and_a_person_who_is_told_and_may_then_act()
    {
        var raised = await app.RaiseAsync(Roles.Secretariat, IncidentType.GuestService, IncidentSeverity.Medium);
        var number = raised.Summary.Number;
        Assert.Equal(Roles.OperationsCentre, raised.Summary.AssignedTeam);

        using var security = await app.ClientForAsync(Roles.SecurityOfficer);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await security.PostAsJsonAsync($"/api/v1/incidents/{number}/assignment", new AssignRequest(Roles.VenueManager, null), Intents.Json)).StatusCode);

        using var centre = await app.ClientForAsync(Roles.OperationsCentre);
        await (await centre.PostAsJsonAsync($"/api/v1/incidents/{number}/assignment", new AssignRequest("Caterers", null), Intents.Json))
            .AssertProblemAsync(422, IncidentErrors.TeamUnknown);
        await (await centre.PostAsJsonAsync($"/api/v1/incidents/{number}/assignment", new AssignRequest(null, null), Intents.Json))
            .AssertProblemAsync(422, IncidentErrors.AssignmentEmpty);
        var assignees = await (await centre.GetAsync("/api/v1/incidents/assignees")).OkAsync<List<AssigneeView>>();
        Assert.DoesNotContain(assignees, a => a.Teams.Contains(Roles.GateOperator));
        var venueManager = assignees.Single(a => a.Teams.Contains(Roles.VenueManager));
        var gateOperatorId = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Users
            .Where(u => u.Email == SummitFactory.EmailOf(Roles.GateOperator)).Select(u => u.Id).SingleAsync());
        await (await centre.PostAsJsonAsync($"/api/v1/incidents/{number}/assignment", new AssignRequest(null, gateOperatorId), Intents.Json))
            .AssertProblemAsync(422, IncidentErrors.AssigneeUnknown);

        var assigned = await (await centre.PostAsJsonAsync($"/api/v1/incidents/{number}/assignment",
            new AssignRequest(Roles.VenueManager, venueManager.Id), Intents.Json)).OkAsync<IncidentDetail>();
        Assert.Equal((Roles.VenueManager, venueManager.Name), (assigned.Summary.AssignedTeam, assigned.Summary.AssignedUserName));
        Assert.Equal(TimelineKind.Assigned, assigned.Timeline[^1].Kind);

        var told = (await app.NotificationsOfAsync(raised.Summary.Id)).Where(n => n.Kind == NotificationKind.Assigned).ToList();
        Assert.Equal(venueManager.Id, Assert.Single(told).UserId);
        Assert.Contains(await app.IncidentMailAsync(number), m => m.ToAddress == SummitFactory.EmailOf(Roles.VenueManager) && m.Subject.Contains(number, StringComparison.Ordinal));

        using var venue = await app.ClientForAsync(Roles.VenueManager);
        var commented = await (await venue.PostAsJsonAsync($"/api/v1/incidents/{number}/comments", new CommentRequest("On my way with a ladder"), Intents.Json))
            .OkAsync<IncidentDetail>();
        Assert.Equal((TimelineKind.Commented, "On my way with a ladder"), (commented.Timeline[^1].Kind, commented.Timeline[^1].Text));
        await (await venue.PostAsJsonAsync($"/api/v1/incidents/{number}/comments", new CommentRequest(""), Intents.Json))
            .AssertProblemAsync(422, ErrorCodes.FieldRequired);
        Assert.True((await venue.MoveAsync(number, IncidentStatus.Acknowledged)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task The_list_filters_by_status_severity_type_and_team_and_shows_unresolved_first()
    {
        var critical = await app.RaiseAsync(Roles.Secretariat, IncidentType.Health, IncidentSeverity.Critical);
        var low = await app.RaiseAsync(Roles.Secretariat, IncidentType.IT, IncidentSeverity.Low);
        using var centre = await app.ClientForAsync(Roles.OperationsCentre);
        var healthy = await (await centre.GetAsync("/api/v1/incidents?type=Health&severity=Critical")).OkAsync<List<IncidentSummary>>();
        Assert.Contains(healthy, i => i.Id == critical.Summary.Id);
        Assert.All(healthy, i => Assert.Equal((IncidentType.Health, IncidentSeverity.Critical), (i.Type, i.Severity)));
        var it = await (await centre.GetAsync($"/api/v1/incidents?team={Roles.OperationsCentre}&active=true")).OkAsync<List<IncidentSummary>>();
        Assert.Contains(it, i => i.Id == low.Summary.Id);
        Assert.DoesNotContain(it, i => i.Id == critical.Summary.Id);
        var all = await (await centre.GetAsync("/api/v1/incidents")).OkAsync<List<IncidentSummary>>();
        Assert.True(all.FindIndex(i => i.Id == critical.Summary.Id) < all.FindIndex(i => i.Id == low.Summary.Id));
        Assert.Equal(HttpStatusCode.BadRequest, (await centre.GetAsync("/api/v1/incidents?severity=Apocalyptic")).StatusCode);
    }
}
