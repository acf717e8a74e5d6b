using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Incidents;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Incidents;

/// <summary>SLA breaches on the fake clock: escalated to the supervisors once per breach, never before the target.</summary>
public class IncidentEscalationTests(IncidentsFactory app) : IClassFixture<IncidentsFactory>
{
    private Task<int> RunMonitorAsync() => app.Services.GetRequiredService<IncidentSlaMonitor>().RunOnceAsync();

    [Fact]
    public async Task A_critical_incident_not_acknowledged_in_five_minutes_is_escalated_once_and_again_when_not_resolved_in_thirty()
    {
        var raised = await app.RaiseAsync(Roles.Secretariat, IncidentType.Health, IncidentSeverity.Critical);
        var number = raised.Summary.Number;

        app.Clock.Advance(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(59));
        await RunMonitorAsync();
        var early = await app.GetIncidentAsync(number);
        Assert.False(early.Summary.Escalated);
        Assert.DoesNotContain(await app.NotificationsOfAsync(raised.Summary.Id), n => n.Kind == NotificationKind.Escalated);

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await RunMonitorAsync() >= 1);
        await RunMonitorAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await RunMonitorAsync();
        var breached = await app.GetIncidentAsync(number);
        Assert.True(breached.Summary.Escalated);
        Assert.True(breached.Summary.Sla!.Breached);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(-2), breached.AcknowledgeEscalatedAt);
        Assert.Single(breached.Timeline, t => t.Kind == TimelineKind.AcknowledgeBreached);
        Assert.Null(breached.ResolveEscalatedAt);
        var escalations = (await app.NotificationsOfAsync(raised.Summary.Id)).Where(n => n.Kind == NotificationKind.Escalated).ToList();
        Assert.Equal(SummitFactory.EmailOf(Roles.OperationsCentre), (await UserEmailsAsync(escalations.Select(n => n.UserId))).Single());
        Assert.Contains(await app.IncidentMailAsync(number), m => m.ToAddress == SummitFactory.EmailOf(Roles.OperationsCentre)
            && m.Subject.Contains("SLA", StringComparison.Ordinal));

        // Acknowledged late; the resolve target (30 min) still runs from the report.
        using var security = await app.ClientForAsync(Roles.SecurityOfficer);
        Assert.True((await security.MoveAsync(number, IncidentStatus.Acknowledged)).IsSuccessStatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(22));
        await RunMonitorAsync();
        Assert.Null((await app.GetIncidentAsync(number)).ResolveEscalatedAt);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await RunMonitorAsync();
        await RunMonitorAsync();
        var late = await app.GetIncidentAsync(number);
        Assert.NotNull(late.ResolveEscalatedAt);
        Assert.Single(late.Timeline, t => t.Kind == TimelineKind.ResolveBreached);
        Assert.Single(late.Timeline, t => t.Kind == TimelineKind.AcknowledgeBreached);
        Assert.Equal(2, (await app.NotificationsOfAsync(raised.Summary.Id)).Count(n => n.Kind == NotificationKind.Escalated));
    }

    [Fact]
    public async Task A_resolved_incident_is_never_escalated_and_a_reopened_one_gets_a_fresh_clock()
    {
        var raised = await app.RaiseAsync(Roles.Secretariat, IncidentType.Other, IncidentSeverity.Critical);
        var number = raised.Summary.Number;
        using var centre = await app.ClientForAsync(Roles.OperationsCentre);
        Assert.True((await centre.MoveAsync(number, IncidentStatus.Resolved, "False alarm")).IsSuccessStatusCode);
        app.Clock.Advance(TimeSpan.FromHours(2));
        await RunMonitorAsync();
        Assert.False((await app.GetIncidentAsync(number)).Summary.Escalated);

        Assert.True((await centre.MoveAsync(number, IncidentStatus.Open, "It was no false alarm")).IsSuccessStatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(4));
        await RunMonitorAsync();
        Assert.False((await app.GetIncidentAsync(number)).Summary.Escalated);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await RunMonitorAsync();
        Assert.True((await app.GetIncidentAsync(number)).Summary.Escalated);
    }

    [Fact]
    public async Task The_bell_counts_unread_notifications_and_clears_when_read()
    {
        using var security = await app.ClientForAsync(Roles.SecurityOfficer);
        await security.PostAsync("/api/v1/notifications/read", null);
        var raised = await app.RaiseAsync(Roles.GateOperator, IncidentType.Security, IncidentSeverity.Low);

        var bell = await (await security.GetAsync("/api/v1/notifications")).OkAsync<BellBody>();
        Assert.Equal(1, bell.Unread);
        Assert.Equal((raised.Summary.Number, NotificationKind.Raised, false), (bell.Items[0].Number, bell.Items[0].Kind, bell.Items[0].Read));
        Assert.Equal(1, (await (await security.PostAsync("/api/v1/notifications/read", null)).OkAsync<MarkedBody>()).Marked);
        Assert.Equal(0, (await (await security.GetAsync("/api/v1/notifications")).OkAsync<BellBody>()).Unread);

        // The reporter is not told about their own report.
        using var gate = await app.ClientForAsync(Roles.GateOperator);
        Assert.DoesNotContain((await (await gate.GetAsync("/api/v1/notifications")).OkAsync<BellBody>()).Items, n => n.Number == raised.Summary.Number);
    }

    private Task<List<string>> UserEmailsAsync(IEnumerable<string> userIds)
    {
        var ids = userIds.ToList();
        return app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Summit.Server.Infrastructure.Database.SummitDbContext>();
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.Users.Where(u => ids.Contains(u.Id)).Select(u => u.Email!));
        });
    }

    private sealed record BellBody(int Unread, List<NotificationView> Items);

    private sealed record MarkedBody(int Marked);
}
