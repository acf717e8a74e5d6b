using System.Net.Http.Json;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Programme.Scheduling;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Scheduling;

/// <summary>When no timetable exists the proposal says which constraints clash, in the reader's language, and proposes nothing (an event of its own).</summary>
public sealed class ScheduleInfeasibleTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_session_no_room_seats_is_named_in_both_languages_and_nothing_is_proposed()
    {
        var venue = await app.CreateVenueAsync();
        await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "IN-1", theatre: 300));
        var forum = await app.CreateForumAsync();
        var crowd = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Keynote: the crowd", attendance: 900));
        await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Panel: small enough", attendance: 100));

        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        var proposal = await (await manager.PostAsJsonAsync("/api/v1/programme/schedule/proposal", new ScheduleRequest(), Intents.Json))
            .OkAsync<ScheduleProposalView>();

        Assert.Equal(ScheduleStatus.Infeasible, proposal.Status);
        Assert.Empty(proposal.Moves);
        var clash = Assert.Single(proposal.Clashes);
        Assert.Equal((ClashKind.Capacity, crowd.Id), (clash.Kind, clash.SubjectId));
        Assert.Equal("\"Keynote: the crowd\" needs a room that seats the 900 people expected.", clash.Message);

        manager.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
        var chinese = await (await manager.PostAsJsonAsync("/api/v1/programme/schedule/proposal", new ScheduleRequest(), Intents.Json))
            .OkAsync<ScheduleProposalView>();
        Assert.Equal("「Keynote: the crowd（中）」需要能容纳预计 900 人的会议室。", Assert.Single(chinese.Clashes).Message);

        // With warnings not kept, the capacity rule (a warning by default) no longer binds: the crowd gets the largest room.
        var relaxed = await (await manager.PostAsJsonAsync("/api/v1/programme/schedule/proposal", new ScheduleRequest(WarningsAreHard: false), Intents.Json))
            .OkAsync<ScheduleProposalView>();
        Assert.Equal(ScheduleStatus.Optimal, relaxed.Status);
        Assert.Equal("IN-1", relaxed.Moves.Single(m => m.SessionId == crowd.Id).ToRoom);
    }
}
