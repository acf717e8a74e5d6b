using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Server.Incidents;
using Summit.Server.Incidents.Escalation;
using Summit.Server.Incidents.Progress;
using Summit.Server.Incidents.Reading;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Screening;
using Summit.Server.Screening.Contracts;
using Summit.Server.Screening.Holds;
using Summit.Server.Screening.Ingestion;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Screening;

/// <summary>
/// The hold flow through Summit's in-process broker: a fever reading stops the lane, the scan is refused with ScreeningHold,
/// an incident is reported and the officers are mailed; the officer records the re-measurement and the next scan is admitted.
/// </summary>
public sealed class HoldFlowTests(ScreeningFactory app) : IClassFixture<ScreeningFactory>
{
    [Fact]
    public async Task A_fever_holds_the_lane_until_an_officer_clears_it()
    {
        var gate = app.Venue.ForumIn;
        var sensor = await app.EnrolSensorAsync(gate.Id);
        var guest = await app.ApprovedGuestAsync();
        var code = await app.IssueCodeAsync(guest);
        var token = await app.EnrolDeviceAsync(gate.Id);
        using var publisher = await app.PublisherAsync(sensor.Sensor.Code, sensor.Secret);

        var before = app.Processed;
        await ScreeningFactory.PublishAsync(publisher, SensorMessages.TopicFor(sensor.Sensor.Code), app.Reading(sensor, 38.4, 1));
        await app.WaitForProcessedAsync(before, 1);

        using var officer = await app.ClientForAsync(Roles.SecurityOfficer);
        var hold = Assert.Single((await (await officer.GetAsync("/api/v1/screening/holds")).OkAsync<List<HoldView>>()),
            h => h.GateId == gate.Id && h.Status == HoldStatus.Open);
        Assert.Equal(38.4, hold.Celsius, 3);
        Assert.Equal(sensor.Sensor.Code, hold.SensorCode);

        // The lane refuses entries with the new reason, in both languages.
        var refused = await app.ScanAsync(token, code, GateDirection.Entry);
        Assert.False(refused.Admitted);
        Assert.Equal(ReasonCode.ScreeningHold, refused.Reason);
        Assert.Equal(23, refused.ReasonNumber);
        Assert.Contains("Secondary screening", refused.Message, StringComparison.Ordinal);
        Assert.Contains("二次", refused.MessageZh, StringComparison.Ordinal);

        // One incident report: health, at the gate, with the reading as evidence; its id is on the hold.
        var report = Assert.Single(app.Incidents.Of(FeverHolds.FeverCause),
            r => r.Place.GateId == gate.Id);
        Assert.Equal(IncidentType.Health, report.Type);
        Assert.Equal("reading", report.Evidence.Kind);
        Assert.NotNull(hold.IncidentId);
        var incident = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Incidents.AsNoTracking()
            .SingleAsync(i => i.Id == hold.IncidentId));
        Assert.Equal((IncidentType.Health, gate.Id, IncidentStatus.Open, FeverHolds.FeverCause), (incident.Type, incident.GateId, incident.Status, incident.Cause));

        // Every security officer is mailed.
        var mails = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails
            .Where(m => m.Kind == FeverHolds.MailKind).ToListAsync());
        Assert.Contains(mails, m => m.ToAddress == SummitFactory.EmailOf(Roles.SecurityOfficer) && m.Subject.Contains(gate.Code, StringComparison.Ordinal));

        // The operations centre watches but may not decide; clearing with a fever value is refused with its reason.
        using (var operations = await app.ClientForAsync(Roles.OperationsCentre))
        {
            Assert.Equal(HttpStatusCode.Forbidden,
                (await operations.PostAsJsonAsync($"/api/v1/screening/holds/{hold.Id}/clear", new HoldDecisionInput(36.8), Intents.Json)).StatusCode);
        }

        var tooWarm = await officer.PostAsJsonAsync($"/api/v1/screening/holds/{hold.Id}/clear", new HoldDecisionInput(38.1), Intents.Json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooWarm.StatusCode);
        Assert.Contains(ScreeningErrors.RemeasureAboveThreshold, await tooWarm.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var cleared = await (await officer.PostAsJsonAsync($"/api/v1/screening/holds/{hold.Id}/clear", new HoldDecisionInput(36.8, "forehead re-measured"),
            Intents.Json)).OkAsync<HoldView>();
        Assert.Equal(HoldStatus.Cleared, cleared.Status);
        Assert.Equal(36.8, cleared.RemeasuredCelsius);
        Assert.Equal(SummitFactory.EmailOf(Roles.SecurityOfficer), cleared.DecidedBy);

        // A second decision on the same hold is refused: it is no longer open.
        Assert.Equal(HttpStatusCode.Conflict,
            (await officer.PostAsJsonAsync($"/api/v1/screening/holds/{hold.Id}/confirm", new HoldDecisionInput(38.0), Intents.Json)).StatusCode);

        var admitted = await app.ScanAsync(token, code, GateDirection.Entry);
        Assert.True(admitted.Admitted, admitted.Reason.ToString());

        // The clearing resolved the hold's incident with the officer's note, in the officer's name: it cannot breach its SLA any more.
        var resolved = await IncidentOfAsync(hold.IncidentId!.Value);
        Assert.Equal(IncidentStatus.Resolved, resolved.Incident.Status);
        Assert.Null(resolved.Incident.OpenKey);
        Assert.StartsWith("forehead re-measured (Hold at gate F1 cleared: re-measured 36.8 °C, the lane admits again. / F1 闸口暂停已解除", resolved.Incident.Resolution,
            StringComparison.Ordinal);
        Assert.Contains(resolved.Timeline, t => t.Kind == TimelineKind.Resolved && t.ActorName == SummitFactory.EmailOf(Roles.SecurityOfficer));
        app.Clock.Advance(TimeSpan.FromHours(3));
        await app.InScopeAsync(sp => sp.GetRequiredService<EscalationService>().EscalateBreachesAsync());
        Assert.Null((await IncidentOfAsync(hold.IncidentId!.Value)).Incident.ResolveEscalatedAt);

        var actions = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries
            .Where(a => a.EntityType == "screening_hold" && a.EntityId == hold.Id.ToString()).Select(a => a.Action).ToListAsync());
        Assert.Equal([ScreeningAudit.HoldCleared, ScreeningAudit.HoldRaised], actions.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task A_confirmed_fever_reopens_the_lane_and_a_normal_reading_holds_nothing()
    {
        var gate = app.Venue.VipIn;
        var sensor = await app.EnrolSensorAsync(gate.Id);
        using var publisher = await app.PublisherAsync(sensor.Sensor.Code, sensor.Secret);
        var topic = SensorMessages.TopicFor(sensor.Sensor.Code);

        var before = app.Processed;
        await ScreeningFactory.PublishAsync(publisher, topic, app.Reading(sensor, 36.6, 1));
        await ScreeningFactory.PublishAsync(publisher, topic, app.Reading(sensor, 37.3, 2));
        await app.WaitForProcessedAsync(before, 2);
        using var officer = await app.ClientForAsync(Roles.SecurityOfficer);
        Assert.DoesNotContain(await (await officer.GetAsync("/api/v1/screening/holds")).OkAsync<List<HoldView>>(),
            h => h.GateId == gate.Id && h.Status == HoldStatus.Open);

        // Two fevers in a row make one hold; both readings are evidence of the one incident (the reporter de-duplicates).
        before = app.Processed;
        await ScreeningFactory.PublishAsync(publisher, topic, app.Reading(sensor, 39.0, 3));
        await ScreeningFactory.PublishAsync(publisher, topic, app.Reading(sensor, 39.1, 4));
        await app.WaitForProcessedAsync(before, 2);
        var hold = Assert.Single((await (await officer.GetAsync("/api/v1/screening/holds")).OkAsync<List<HoldView>>()),
            h => h.GateId == gate.Id && h.Status == HoldStatus.Open);
        Assert.Equal(2, app.Incidents.Of(FeverHolds.FeverCause).Count(r => r.Place.GateId == gate.Id));

        var confirmed = await (await officer.PostAsJsonAsync($"/api/v1/screening/holds/{hold.Id}/confirm", new HoldDecisionInput(38.9, "sent to the clinic"),
            Intents.Json)).OkAsync<HoldView>();
        Assert.Equal(HoldStatus.FeverConfirmed, confirmed.Status);
        var holds = await app.InScopeAsync(sp => new ScreeningGateHolds().StatesAsync(sp.GetRequiredService<SummitDbContext>(), default));
        Assert.DoesNotContain(gate.Id, holds.HeldSince.Keys);

        // A confirmed fever is work in progress (the person is in medical care), with the officer's note on the timeline.
        var inProgress = await IncidentOfAsync(hold.IncidentId!.Value);
        Assert.Equal(IncidentStatus.InProgress, inProgress.Incident.Status);
        Assert.NotNull(inProgress.Incident.StartedAt);
        var started = Assert.Single(inProgress.Timeline, t => t.Kind == TimelineKind.Started);
        Assert.StartsWith("sent to the clinic (Fever confirmed at gate V1: re-measured 38.9 °C", started.Text, StringComparison.Ordinal);

        var audit = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries
            .AnyAsync(a => a.Action == ScreeningAudit.FeverConfirmed && a.EntityId == hold.Id.ToString()));
        Assert.True(audit);
    }

    [Fact]
    public async Task A_hold_whose_incident_was_resolved_meanwhile_settles_the_new_incident_of_its_lane()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var gate = await AccessIntents.CreateGateAsync(secretariat, "H9", app.Venue.Main.Id, Summit.Access.Core.Sync.GateDirections.Entry);
        var sensor = await app.EnrolSensorAsync(gate.Id);
        using var publisher = await app.PublisherAsync(sensor.Sensor.Code, sensor.Secret);
        var topic = SensorMessages.TopicFor(sensor.Sensor.Code);
        var before = app.Processed;
        await ScreeningFactory.PublishAsync(publisher, topic, app.Reading(sensor, 38.2, 1));
        await app.WaitForProcessedAsync(before, 1);
        using var officer = await app.ClientForAsync(Roles.SecurityOfficer);
        var hold = Assert.Single(await (await officer.GetAsync("/api/v1/screening/holds")).OkAsync<List<HoldView>>(),
            h => h.GateId == gate.Id && h.Status == HoldStatus.Open);
        var first = hold.IncidentId!.Value;

        // The operations centre resolves the incident before the officer decides; the lane is still held, and a new fever at it
        // opens a new incident, which the hold now points to.
        using (var operations = await app.ClientForAsync(Roles.OperationsCentre))
        {
            var number = (await IncidentOfAsync(first)).Incident.DisplayNumber;
            await (await operations.PostAsJsonAsync($"/api/v1/incidents/{number}/transitions",
                new TransitionRequest(IncidentStatus.Resolved, "handled at the lane"), Intents.Json)).OkAsync<IncidentDetail>();
        }

        before = app.Processed;
        await ScreeningFactory.PublishAsync(publisher, topic, app.Reading(sensor, 38.6, 2));
        await app.WaitForProcessedAsync(before, 1);
        var second = Assert.Single(await (await officer.GetAsync("/api/v1/screening/holds")).OkAsync<List<HoldView>>(),
            h => h.Id == hold.Id).IncidentId!.Value;
        Assert.NotEqual(first, second);

        await (await officer.PostAsJsonAsync($"/api/v1/screening/holds/{hold.Id}/clear", new HoldDecisionInput(36.9), Intents.Json)).OkAsync<HoldView>();

        Assert.Equal(IncidentStatus.Resolved, (await IncidentOfAsync(second)).Incident.Status);
        Assert.Equal("Hold at gate H9 cleared: re-measured 36.9 °C, the lane admits again. / H9 闸口暂停已解除：复测 36.9 °C，通道恢复放行。",
            (await IncidentOfAsync(second)).Incident.Resolution);
        Assert.Equal("handled at the lane", (await IncidentOfAsync(first)).Incident.Resolution);
    }

    private Task<(Incident Incident, List<IncidentTimelineEntry> Timeline)> IncidentOfAsync(Guid id) => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SummitDbContext>();
        var incident = await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == id);
        var timeline = await db.Set<IncidentTimelineEntry>().AsNoTracking().Where(t => t.IncidentId == id).ToListAsync();
        return (incident, timeline);
    });

    [Fact]
    public async Task The_screening_pages_show_held_lanes_sensors_and_refusals_to_each_role_as_allowed()
    {
        var gate = app.Venue.MainOut;
        var sensor = await app.EnrolSensorAsync(gate.Id, "IR-PAGE-1");
        using var publisher = await app.PublisherAsync(sensor.Sensor.Code, sensor.Secret);
        var topic = SensorMessages.TopicFor(sensor.Sensor.Code);
        var before = app.Processed;
        await ScreeningFactory.PublishAsync(publisher, topic, app.Reading(sensor, 38.0, 1));
        await ScreeningFactory.PublishAsync(publisher, topic, "{\"sensor\": 12}");
        await app.WaitForProcessedAsync(before, 2);

        var officerPage = await app.PageAsync(Roles.SecurityOfficer, "/screening");
        Assert.Matches($"data-testid=\"hold-open\" data-gate=\"{gate.Code}\"", officerPage);
        Assert.Contains("data-testid=\"hold-clear\"", officerPage, StringComparison.Ordinal);
        Assert.Contains("38.0 °C", officerPage, StringComparison.Ordinal);

        // The operations centre sees the lane but has no buttons to decide it.
        var operationsPage = await app.PageAsync(Roles.OperationsCentre, "/screening");
        Assert.Matches($"data-testid=\"hold-open\" data-gate=\"{gate.Code}\"", operationsPage);
        Assert.DoesNotContain("data-testid=\"hold-clear\"", operationsPage, StringComparison.Ordinal);

        var sensorsPage = await app.PageAsync(Roles.Admin, "/screening/sensors");
        Assert.Contains("IR-PAGE-1", sensorsPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sensor-enrol\"", sensorsPage, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"refusal-reason\" data-reason=\"malformed\"", sensorsPage);
        Assert.DoesNotContain(sensor.Secret, sensorsPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"sensor-enrol\"", await app.PageAsync(Roles.OperationsCentre, "/screening/sensors"), StringComparison.Ordinal);

        var chinese = await app.PageAsync(Roles.SecurityOfficer, "/screening", "zh-Hans");
        Assert.Contains("红外体温筛查", chinese, StringComparison.Ordinal);
        Assert.Contains("确认发热", chinese, StringComparison.Ordinal);
    }
}
