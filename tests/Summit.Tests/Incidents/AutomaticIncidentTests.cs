using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Incidents;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Incidents;

/// <summary>Incidents that modules raise: one open incident per cause and place, told once, and the offline double entries of the gates.</summary>
public class AutomaticIncidentTests(IncidentsFactory app) : IClassFixture<IncidentsFactory>
{
    [Fact]
    public async Task Repeated_reports_of_one_cause_at_one_place_gather_in_one_incident_and_notify_once()
    {
        var first = await app.ReportAutomaticAsync(IncidentIntents.Fever(app.Venue.ForumIn.Id, "reading-1"));
        var again = await app.ReportAutomaticAsync(IncidentIntents.Fever(app.Venue.ForumIn.Id, "reading-2"));
        var sameEvidence = await app.ReportAutomaticAsync(IncidentIntents.Fever(app.Venue.ForumIn.Id, "reading-2"));
        var elsewhere = await app.ReportAutomaticAsync(IncidentIntents.Fever(app.Venue.VipIn.Id, "reading-3"));
        Assert.Equal(first, again);
        Assert.Equal(first, sameEvidence);
        Assert.NotEqual(first, elsewhere);

        var number = await NumberOfAsync(first);
        var incident = await app.GetIncidentAsync(number, Roles.SecurityOfficer);
        Assert.Equal((2, "screening.fever", "system:screening"), (incident.Summary.ReportCount, incident.Cause, incident.Reporter));
        Assert.Equal(["reading-1", "reading-2"], incident.Evidence.Select(e => e.Reference));
        Assert.Equal((Roles.SecurityOfficer, IncidentType.Health), (incident.Summary.AssignedTeam, incident.Summary.Type));
        Assert.Equal(("Fever reading at gate G-7", "G-7 闸口体温异常"), (incident.Summary.Title, incident.Summary.TitleZh));
        Assert.Equal([TimelineKind.Raised, TimelineKind.Reported], incident.Timeline.Select(t => t.Kind));
        var securityOfficers = await UsersInRoleAsync(Roles.SecurityOfficer);
        Assert.Equal(securityOfficers, (await app.NotificationsOfAsync(first)).Select(n => n.UserId).Order());
        Assert.Equal(securityOfficers.Count, (await app.IncidentMailAsync(number)).Count);

        // Once resolved, the next fever at that gate is a new problem.
        using var security = await app.ClientForAsync(Roles.SecurityOfficer);
        Assert.True((await security.MoveAsync(number, IncidentStatus.Resolved, "Guest sent to the medical post")).IsSuccessStatusCode);
        var later = await app.ReportAutomaticAsync(IncidentIntents.Fever(app.Venue.ForumIn.Id, "reading-4"));
        Assert.NotEqual(first, later);

        // Reopening the first does not take the place back from the newer open one.
        Assert.True((await security.MoveAsync(number, IncidentStatus.Open, "Second guest of the same group")).IsSuccessStatusCode);
        Assert.Equal(later, await app.ReportAutomaticAsync(IncidentIntents.Fever(app.Venue.ForumIn.Id, "reading-5")));
    }

    [Fact]
    public async Task An_automatic_title_is_kept_as_key_and_arguments_and_read_in_the_current_wording_of_the_readers_language()
    {
        var id = await app.ReportAutomaticAsync(IncidentIntents.Fever(app.Venue.VipIn.Id, "reading-title") with
        {
            Title = IncidentText.Of("screening.incident.silent_title", "S-3", new IncidentTextArgument("VIP gate", "贵宾闸口")),
        });
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Incidents.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal(("screening.incident.silent_title", "Sensor S-3 at gate VIP gate is silent", "贵宾闸口 闸口传感器 S-3 无数据"),
            (stored.TitleKey, stored.Title, stored.TitleZh));

        // Rendered when read: a key whose wording changes reads in the new wording, in both languages.
        await SetTitleKeyAsync(id, "dashboard.crowding.title");
        var reworded = (await app.GetIncidentAsync(stored.DisplayNumber, Roles.SecurityOfficer)).Summary;
        Assert.Equal(("Zone S-3 crowded: VIP gate", "区域S-3拥挤：贵宾闸口"), (reworded.Title, reworded.TitleZh));

        // A key a later version no longer has falls back to the title as raised.
        await SetTitleKeyAsync(id, "screening.incident.no_longer_there");
        var fallback = (await app.GetIncidentAsync(stored.DisplayNumber, Roles.SecurityOfficer)).Summary;
        Assert.Equal((stored.Title, stored.TitleZh), (fallback.Title, fallback.TitleZh));
    }

    [Fact]
    public async Task A_report_without_any_place_is_refused()
    {
        var report = IncidentIntents.Fever(app.Venue.ForumIn.Id, "x") with { Place = new IncidentPlace() };
        var refused = await Assert.ThrowsAsync<Summit.Server.SummitException>(() => app.ReportAutomaticAsync(report));
        Assert.Equal(IncidentErrors.PlaceRequired, refused.Error.Code);
    }

    [Fact]
    public async Task Offline_double_entries_raise_one_incident_per_zone_with_each_conflict_as_evidence()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var secondEntrance = await AccessIntents.CreateGateAsync(secretariat, "A4", app.Venue.Main.Id, GateDirections.Entry);
        var otherAgent = await app.EnrolDeviceAsync(secondEntrance.Id);
        using var a1 = app.DeviceClient(app.Venue.MainInToken);
        using var a4 = app.DeviceClient(otherAgent);
        var conflicts = new List<Guid>();
        for (var person = 0; person < 2; person++)
        {
            var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
            var now = app.Clock.GetUtcNow();
            await (await a1.PostAsJsonAsync("/api/v1/device/scans/upload", new ScanUploadRequest(
                [new(Guid.NewGuid(), code, GateDirection.Entry, ReasonCode.Admitted, now.AddMinutes(-5))]), Intents.Json)).OkAsync<ScanUploadResponse>();
            var second = await (await a4.PostAsJsonAsync("/api/v1/device/scans/upload", new ScanUploadRequest(
                [new(Guid.NewGuid(), code, GateDirection.Entry, ReasonCode.Admitted, now.AddMinutes(-4))]), Intents.Json)).OkAsync<ScanUploadResponse>();
            conflicts.Add(Assert.Single(second.Conflicts).ConflictId);
        }

        var incidents = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Incidents.AsNoTracking()
            .Where(i => i.Cause == "access.double-entry").ToListAsync());
        var incident = Assert.Single(incidents);
        Assert.Equal((app.Venue.Main.Id, IncidentType.Security), (incident.ZoneId, incident.Type));
        var detail = await app.GetIncidentAsync(incident.DisplayNumber);
        Assert.Equal(conflicts.Select(c => c.ToString()), detail.Evidence.Select(e => e.Reference));
        Assert.All(detail.Evidence, e => Assert.Equal(("entry-conflict", "/access/live"), (e.Kind, e.Link)));
        Assert.Contains("A4", detail.Evidence[0].SummaryEn, StringComparison.Ordinal);
        Assert.Contains("A4", detail.Evidence[0].SummaryZh, StringComparison.Ordinal);
        Assert.Equal(("access.incident.double_entry_title", "Double entries into zone MAIN", "区域 MAIN 重复入场"),
            (incident.TitleKey, detail.Summary.Title, detail.Summary.TitleZh));
        Assert.Equal(2, detail.Summary.ReportCount);
    }

    private Task SetTitleKeyAsync(Guid id, string key) => app.InScopeAsync(sp =>
        sp.GetRequiredService<SummitDbContext>().Incidents.Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.TitleKey, key)));

    private Task<string> NumberOfAsync(Guid id) => app.InScopeAsync(async sp =>
        (await sp.GetRequiredService<SummitDbContext>().Incidents.AsNoTracking().SingleAsync(i => i.Id == id)).DisplayNumber);

    private Task<List<string>> UsersInRoleAsync(string role) => app.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SummitDbContext>();
        return await (from userRole in db.UserRoles
                      join r in db.Roles on userRole.RoleId equals r.Id
                      where r.Name == role
                      select userRole.UserId).OrderBy(u => u).ToListAsync();
    });
}
