using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Programme;
using Summit.Server.Programme.Forums;
using Summit.Server.Programme.Sessions;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Programme.Forums;

/// <summary>Forums and the content of their sessions: created, changed, listed in both languages, checked field by field, every change audited.</summary>
public sealed class ForumTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_forum_and_its_session_are_made_changed_and_listed_and_every_change_is_audited()
    {
        var forum = await app.CreateForumAsync(ForumKind.Main);
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        var changed = await (await manager.PutAsJsonAsync($"/api/v1/programme/forums/{forum.Id}",
            new ForumInput(ForumKind.Main, forum.TitleEn, "乌镇峰会主论坛 " + forum.Id.ToString("N")[..4], "World Internet Conference", ""), Intents.Json)).OkAsync<ForumView>();
        Assert.Equal("World Internet Conference", changed.Partner);

        var input = ProgrammeIntents.NewSession(forum.Id, "Signing: the Wuzhen initiative", kind: SessionKind.SigningCeremony);
        var session = await app.CreateSessionAsync(input with
        {
            AbstractEn = "Partners sign.",
            AbstractZh = "合作伙伴签约。",
            Format = SessionFormat.Hybrid,
            JoinLink = "https://live.example.org/wuzhen",
        });
        var items = await (await manager.PutAsJsonAsync($"/api/v1/programme/sessions/{session.Id}/items",
            new[] { new ItemInput("Welcome", "致辞", 5), new ItemInput("Signing", "签约", 20) }, Intents.Json)).OkAsync<SessionView>();
        Assert.Equal(["Welcome", "Signing"], items.Items.Select(i => i.TitleEn));
        Assert.Equal((SessionFormat.Hybrid, "https://live.example.org/wuzhen", "Partners sign."), (items.Format, items.JoinLink, items.AbstractEn));

        var updated = await (await manager.PutAsJsonAsync($"/api/v1/programme/sessions/{session.Id}",
            ProgrammeIntents.NewSession(forum.Id, "Signing: the Wuzhen initiative", language: "zh-Hans", channels: ["en", "ru"], kind: SessionKind.SigningCeremony),
            Intents.Json)).OkAsync<SessionView>();
        Assert.Equal("zh-Hans", updated.Language);
        Assert.Equal(["en", "ru"], updated.Channels);
        Assert.Null(updated.JoinLink);

        using var reader = await app.ClientForAsync(Roles.MediaOfficer);
        var forums = await (await reader.GetAsync("/api/v1/programme/forums")).OkAsync<List<ForumView>>();
        Assert.Equal(1, forums.Single(f => f.Id == forum.Id).SessionCount);
        var listed = await (await reader.GetAsync($"/api/v1/programme/sessions?forumId={forum.Id}")).OkAsync<List<SessionView>>();
        Assert.Equal(session.Id, Assert.Single(listed).Id);

        var actions = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == forum.Id.ToString() || a.EntityId == session.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal([ProgrammeAudit.ForumCreated, ProgrammeAudit.ForumUpdated, ProgrammeAudit.SessionCreated, ProgrammeAudit.SessionItemsChanged,
            ProgrammeAudit.SessionUpdated], actions);
    }

    [Fact]
    public async Task Bad_fields_are_refused_each_with_its_reason_and_only_programme_managers_write()
    {
        var forum = await app.CreateForumAsync();
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        manager.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
        var response = await manager.PostAsJsonAsync("/api/v1/programme/sessions",
            new SessionInput(Guid.NewGuid(), SessionKind.Panel, "", "圆桌", "english", -1, Channels: ["en", "xx-!"], JoinLink: "ftp://files"), Intents.Json);
        await response.AssertProblemAsync(422, ErrorCodes.RequestInvalid);
        var codes = (await response.ProblemAsync()).GetProperty("details").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        Assert.Equal([ProgrammeErrors.ForumUnknown, ErrorCodes.FieldRequired, ProgrammeErrors.LanguageInvalid, ProgrammeErrors.LanguageInvalid,
            ProgrammeErrors.LinkInvalid, ErrorCodes.NumberOutOfRange], codes);

        await (await manager.PostAsJsonAsync("/api/v1/programme/forums", new ForumInput(ForumKind.Sub, forum.TitleEn, "重复"), Intents.Json))
            .AssertProblemAsync(422, ErrorCodes.RequestInvalid);
        using var venues = await app.ClientForAsync(Roles.VenueManager);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden,
            (await venues.PostAsJsonAsync("/api/v1/programme/sessions", ProgrammeIntents.NewSession(forum.Id), Intents.Json)).StatusCode);
        using var programme = await app.ClientForAsync(Roles.ProgrammeManager);
        await (await programme.GetAsync($"/api/v1/programme/sessions/{Guid.NewGuid()}")).AssertProblemAsync(404, ProgrammeErrors.SessionNotFound);
    }
}
