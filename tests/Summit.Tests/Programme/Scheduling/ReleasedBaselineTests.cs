using System.Net.Http.Json;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Programme;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Scheduling;
using Summit.Server.Programme.Sessions;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Scheduling;

/// <summary>
/// A re-run of the solver can keep to the latest released version rather than the draft: a session moved by hand in the draft since the
/// release is proposed back where the public was told it is, while the draft baseline leaves it; before any release that baseline is refused.
/// </summary>
public sealed class ReleasedBaselineTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_rerun_from_the_released_version_moves_a_hand_moved_session_back_and_one_from_the_draft_leaves_it()
    {
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        var before = await manager.PostAsJsonAsync("/api/v1/programme/schedule/proposal", new ScheduleRequest(MovePlaced: true, Baseline: ReleasedBaseline.Key),
            Intents.Json);
        await before.AssertProblemAsync(404, ProgrammeErrors.NotReleased);

        var (_, panel, hall) = await app.PlacedSessionAsync("Panel: as released", VenuesIntents.DayOneNine.AddHours(1), "RB-1");
        var annex = await app.CreateRoomAsync(VenuesIntents.NewRoom(hall.VenueId, "RB-2", theatre: 300));
        await (await app.ReleaseAsync()).OkAsync<ReleaseView>();
        var released = await app.GetSessionAsync(panel.Id);

        // Moved by hand in the draft since the release.
        await (await app.PlaceAsync(panel.Id, annex.Id, VenuesIntents.DayOneNine.AddHours(5), 90)).OkAsync<SessionView>();

        var fromDraft = await (await manager.PostAsJsonAsync("/api/v1/programme/schedule/proposal",
            new ScheduleRequest(MovePlaced: true, Baseline: DraftBaseline.Key), Intents.Json)).OkAsync<ScheduleProposalView>();
        Assert.Equal(ScheduleStatus.Optimal, fromDraft.Status);
        Assert.DoesNotContain(fromDraft.Moves, m => m.SessionId == panel.Id);

        var fromRelease = await (await manager.PostAsJsonAsync("/api/v1/programme/schedule/proposal",
            new ScheduleRequest(MovePlaced: true, Baseline: ReleasedBaseline.Key), Intents.Json)).OkAsync<ScheduleProposalView>();
        Assert.Equal(ScheduleStatus.Optimal, fromRelease.Status);
        var back = Assert.Single(fromRelease.Moves, m => m.SessionId == panel.Id);
        Assert.Equal((annex.Id, hall.Id, released.StartsAt, released.EndsAt), (back.FromRoomId, back.ToRoomId, (DateTimeOffset?)back.ToStartsAt,
            (DateTimeOffset?)back.ToEndsAt));
        Assert.Equal(0, fromRelease.MovedFromPrevious);
    }
}
