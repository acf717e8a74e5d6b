using System.Net;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Tests.Infrastructure;

/// <summary>GET /api/v1/audit: who did what to which record, filtered and newest first.</summary>
public class AuditApiTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task Filters_find_the_creation_and_the_read_of_a_guest()
    {
        var guest = await app.CreateGuestAsync();
        var createdAt = app.Clock.GetUtcNow();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var viewedAt = app.Clock.GetUtcNow();
        using (var officer = await app.ClientForAsync(Roles.AccreditationOfficer))
        {
            Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/guests/{guest.Id}")).StatusCode);
        }

        var record = $"entityType=guest&entityId={guest.Id}";
        var trail = await app.AuditAsync(record);
        Assert.Equal(2, trail.Total);
        Assert.Equal(["guest.viewed", "guest.created"], trail.Items.Select(a => a.Action));
        Assert.Equal([SummitFactory.EmailOf(Roles.AccreditationOfficer), SummitFactory.EmailOf(Roles.Secretariat)], trail.Items.Select(a => a.ActorName));
        Assert.Equal(viewedAt, trail.Items[0].At);
        Assert.Null(trail.Items[0].Changes);
        Assert.NotNull(trail.Items[1].Changes);

        Assert.Equal(["guest.viewed"], (await app.AuditAsync(record + "&action=guest.viewed")).Items.Select(a => a.Action));
        Assert.Equal(2, (await app.AuditAsync(record + "&action=guest.")).Total);
        Assert.Equal(["guest.created"], (await app.AuditAsync(record + "&actor=secretariat")).Items.Select(a => a.Action));
        Assert.Equal(["guest.viewed"], (await app.AuditAsync(record + "&from=" + Uri.EscapeDataString(viewedAt.ToString("O")))).Items.Select(a => a.Action));
        Assert.Equal(["guest.created"], (await app.AuditAsync(record + "&to=" + Uri.EscapeDataString(createdAt.AddMinutes(1).ToString("O")))).Items.Select(a => a.Action));
        Assert.Equal(0, (await app.AuditAsync(record + "&entityType=user")).Total);
    }

    [Fact]
    public async Task Pages_hold_the_newest_entries_first()
    {
        for (var i = 0; i < 3; i++)
        {
            await app.CreateGuestAsync();
        }

        var first = await app.AuditAsync("action=guest.created&pageSize=2&page=1");
        var second = await app.AuditAsync("action=guest.created&pageSize=2&page=2");
        Assert.Equal(2, first.Items.Count);
        Assert.True(first.Total >= 3);
        Assert.True(first.Items[0].Id > first.Items[1].Id && first.Items[1].Id > second.Items[0].Id);
    }

    [Fact]
    public async Task Only_administrators_read_the_audit_log()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.GetAsync("/api/v1/audit")).StatusCode);
    }
}
