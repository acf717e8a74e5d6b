using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Mail;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Sessions;
using Summit.Server.Venues;
using Summit.Server.Venues.Rooms;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Releases;

/// <summary>
/// A room's crew is told of each release that changes a session in its rooms (moved in, moved out, changed within): one mail per crew
/// address, in both languages; a crew whose rooms did not change gets nothing, and a crew address that is no mail address is refused.
/// </summary>
public sealed class ReleaseCrewNoticeTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_crew_gets_one_notice_per_release_naming_the_sessions_that_move_into_out_of_or_within_its_rooms()
    {
        var (forum, panel, hall) = await app.PlacedSessionAsync("Panel: crews", VenuesIntents.DayOneNine, "CRW-1");
        var annex = await app.CreateRoomAsync(VenuesIntents.NewRoom(hall.VenueId, "CRW-2", theatre: 300) with { CrewEmail = "annex-crew@example.org" });
        var quiet = await app.CreateRoomAsync(VenuesIntents.NewRoom(hall.VenueId, "CRW-3", theatre: 300) with { CrewEmail = "quiet-crew@example.org" });
        var other = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Dialogue: elsewhere"));
        await (await app.PlaceAsync(other.Id, quiet.Id, VenuesIntents.DayOneNine.AddHours(5), 60)).OkAsync<SessionView>();

        // Version 1: the quiet room's session is new, so its crew is told; the hall has no crew address yet.
        await (await app.ReleaseAsync()).OkAsync<ReleaseView>();
        var first = await CrewMailsAsync();
        Assert.Equal(["quiet-crew@example.org"], first.Select(m => m.ToAddress));
        Assert.Contains("Dialogue: elsewhere", first[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("CRW-3", first[0].Subject, StringComparison.Ordinal);

        // The hall's crew address given, and refused when it is none.
        using (var manager = await app.ClientForAsync(Roles.VenueManager))
        {
            var refused = await manager.PutAsJsonAsync($"/api/v1/venues/rooms/{hall.Id}",
                VenuesIntents.NewRoom(hall.VenueId, "CRW-1", theatre: 300) with { CrewEmail = "hall crew" }, Intents.Json);
            Assert.Equal(422, (int)refused.StatusCode);
            Assert.Contains(VenuesErrors.EmailInvalid, (await refused.ProblemAsync()).GetRawText(), StringComparison.Ordinal);
            var saved = await (await manager.PutAsJsonAsync($"/api/v1/venues/rooms/{hall.Id}",
                VenuesIntents.NewRoom(hall.VenueId, "CRW-1", theatre: 300) with { CrewEmail = "hall-crew@example.org" }, Intents.Json)).OkAsync<RoomView>();
            Assert.Equal("hall-crew@example.org", saved.CrewEmail);
        }

        // Version 2: the panel moves from the hall to the annex; both crews are told once, the quiet room's crew not at all.
        await (await app.PlaceAsync(panel.Id, annex.Id, VenuesIntents.DayOneNine.AddHours(1), 90)).OkAsync<SessionView>();
        var second = await (await app.ReleaseAsync("Panel to the annex")).OkAsync<ReleaseView>();
        var told = (await CrewMailsAsync()).Where(m => !first.Any(f => f.Id == m.Id)).ToList();
        Assert.Equal(["annex-crew@example.org", "hall-crew@example.org"], told.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.Equal(2, second.Release.NoticeCount);
        var annexMail = Assert.Single(told, m => m.ToAddress == "annex-crew@example.org");
        Assert.Equal("Test Summit: programme version 2, changes in CRW-2 / 测试峰会：议程第 2 版，CRW-2 有变更", annexMail.Subject);
        Assert.Contains("1 change(s) concern sessions in CRW-2", annexMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Panel: crews", annexMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("CRW-1", annexMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("其中 1 项变更涉及您的团队负责的会议室 CRW-2 中的会议", annexMail.TextBody, StringComparison.Ordinal);
    }

    private Task<List<OutgoingMail>> CrewMailsAsync() => app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails.AsNoTracking()
        .Where(m => m.Kind == ReleaseNotices.MailKind && m.ToAddress.EndsWith("-crew@example.org")).OrderBy(m => m.ToAddress).ToListAsync());
}
