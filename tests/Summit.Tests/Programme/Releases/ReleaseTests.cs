using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Programme;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Rules;
using Summit.Server.Programme.Sessions;
using Summit.Server.Programme.Settings;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Releases;

/// <summary>
/// Staff edit the draft and release it as numbered, immutable versions: refused while a conflict whose rule (for the event) stops the
/// release remains, and when nothing changed; each version's changelog against the one before; only programme managers release. One
/// scenario on its own server: a release holds the whole programme of the event.
/// </summary>
public sealed class ReleaseTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_release_waits_for_the_conflicts_that_stop_it_then_freezes_the_draft_and_the_next_one_lists_what_changed()
    {
        var (forum, silent, room) = await app.PlacedSessionAsync("Panel: nobody interprets", VenuesIntents.DayOneNine, "RL-1", channels: []);
        var heard = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Dialogue: heard in both"));
        await (await app.PlaceAsync(heard.Id, room.Id, VenuesIntents.DayOneNine.AddHours(3), 60)).OkAsync<SessionView>();

        // The missing interpretation stops the release (its default severity): the draft shows it, the release is refused in the reader's language.
        var pending = await app.PendingReleaseAsync();
        Assert.False(pending.CanRelease);
        Assert.Null(pending.LatestNumber);
        Assert.Equal([(ConflictRule.InterpretationMissing, silent.Id)], pending.Blocking.Select(c => (c.Rule, c.SessionId)));
        Assert.Equal([ChangeKind.New, ChangeKind.New], pending.Changes.Select(c => c.Kind));
        var refused = await app.ReleaseAsync(language: "zh-Hans");
        var refusal = await refused.ProgrammeRefusalAsync(ProgrammeErrors.ReleaseBlocked);
        Assert.Equal(ConflictRule.InterpretationMissing, Assert.Single(refusal.Conflicts).Rule);
        Assert.StartsWith("发布被拒绝：须先解决 1 个阻止发布的冲突", (await refused.ProblemAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
        await (await app.ReleaseAsync(language: "en")).AssertProblemAsync(409, ProgrammeErrors.ReleaseBlocked);
        // Only programme managers release; others who read the programme may not.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.ReleaseAsync(role: Roles.Secretariat)).StatusCode);

        // The event decides the severity: a warning does not stop the release; back to its default, it does again.
        await SetSeverityAsync(ConflictRule.InterpretationMissing, RuleSeverity.Warn);
        Assert.True((await app.PendingReleaseAsync()).CanRelease);
        await SetSeverityAsync(null, default);
        Assert.False((await app.PendingReleaseAsync()).CanRelease);

        // Interpretation added: version 1 holds both sessions, all new; a comment too long is refused first.
        await UpdateAsync(silent.Id, ProgrammeIntents.NewSession(forum.Id, "Panel: nobody interprets"));
        await (await app.ReleaseAsync(new string('x', ProgrammeLimits.CommentLength + 1))).AssertProblemAsync(422, ErrorCodes.RequestInvalid);
        var first = await (await app.ReleaseAsync("As announced")).OkAsync<ReleaseView>();
        Assert.Equal((1, 2, "As announced", SummitFactory.EmailOf(Roles.ProgrammeManager)),
            (first.Release.Number, first.Release.SessionCount, first.Release.Comment, first.Release.ReleasedBy));
        Assert.Equal([(ChangeKind.New, silent.Id), (ChangeKind.New, heard.Id)], first.Changes.Select(c => (c.Kind, c.SessionId)));
        Assert.Equal("New: \"Panel: nobody interprets\", 2021-09-26 09:00–10:30, Room RL-1.", first.Changes[0].Text);

        // Nothing changed: nothing to release.
        await (await app.ReleaseAsync()).AssertProblemAsync(409, ProgrammeErrors.ReleaseUnchanged);
        Assert.Empty((await app.PendingReleaseAsync()).Changes);

        // The draft moves on; version 1 does not.
        await (await app.PlaceAsync(heard.Id, room.Id, VenuesIntents.DayOneNine.AddHours(4), 60)).OkAsync<SessionView>();
        await UpdateAsync(silent.Id, ProgrammeIntents.NewSession(forum.Id, "Panel: interpreted at last"));
        var second = await (await app.ReleaseAsync()).OkAsync<ReleaseView>();
        Assert.Equal(2, second.Release.Number);
        Assert.Equal([(ChangeKind.Retitled, silent.Id), (ChangeKind.Moved, heard.Id)], second.Changes.Select(c => (c.Kind, c.SessionId)));
        Assert.Equal("Moved: \"Dialogue: heard in both\" from 2021-09-26 12:00–13:00, Room RL-1 to 2021-09-26 13:00–14:00, Room RL-1.", second.Changes[1].Text);

        using var reader = await app.ClientForAsync(Roles.MediaOfficer);
        Assert.Equal([2, 1], (await (await reader.GetAsync("/api/v1/programme/releases")).OkAsync<List<ReleaseSummary>>()).Select(r => r.Number));
        var again = await (await reader.GetAsync("/api/v1/programme/releases/1")).OkAsync<ReleaseView>();
        Assert.Equal(first.Changes.Select(c => c.Text), again.Changes.Select(c => c.Text));
        await (await reader.GetAsync("/api/v1/programme/releases/9")).AssertProblemAsync(404, ProgrammeErrors.ReleaseNotFound);
        var audited = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .CountAsync(a => a.Action == ProgrammeAudit.Released));
        Assert.Equal(2, audited);

        // The releases page shows the draft's state and the latest version's changelog; only managers get the button.
        var page = await app.PageAsync(Roles.ProgrammeManager, "/programme/releases");
        Assert.Contains("data-testid=\"releases-release\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"releases-shown\" data-number=\"2\"", page, StringComparison.Ordinal);
        Assert.Contains("data-kind=\"Moved\"", page, StringComparison.Ordinal);
        var chinese = await app.PageAsync(Roles.MediaOfficer, "/programme/releases?number=1", "zh-Hans");
        Assert.DoesNotContain("releases-release", chinese, StringComparison.Ordinal);
        Assert.Contains("新增：「Panel: nobody interprets（中）」，2021-09-26 09:00–10:30，RL-1 室。", chinese, StringComparison.Ordinal);
    }

    private async Task SetSeverityAsync(ConflictRule? rule, RuleSeverity severity)
    {
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        await (await manager.PutAsJsonAsync("/api/v1/programme/settings", new ProgrammeSettingsInput(10, 30,
            Rules: rule is { } r ? [new RuleSeverityInput(r, severity)] : []), Intents.Json)).OkAsync<ProgrammeSettingsView>();
    }

    private async Task UpdateAsync(Guid id, SessionInput input)
    {
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        await (await manager.PutAsJsonAsync($"/api/v1/programme/sessions/{id}", input, Intents.Json)).OkAsync<SessionView>();
    }
}
