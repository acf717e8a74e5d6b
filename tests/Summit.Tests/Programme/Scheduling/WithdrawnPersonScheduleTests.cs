using System.Net.Http.Json;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Privacy;
using Summit.Server.Programme;
using Summit.Server.Programme.Rules;
using Summit.Server.Programme.Scheduling;
using Summit.Server.Programme.Sessions;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Privacy;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Scheduling;

/// <summary>
/// A speaker erased by the data protection officer keeps their place in sessions as "Speaker withdrawn", but nobody will stand there: the
/// edit, the timetable's rules and the automatic scheduler no longer hold them to one place. Own fixture: the solver sees only these sessions.
/// </summary>
public sealed class WithdrawnPersonScheduleTests(PrivacyFactory app) : IClassFixture<PrivacyFactory>
{
    [Fact]
    public async Task A_withdrawn_speaker_may_be_in_two_places_for_the_rules_and_the_solver()
    {
        var venue = await app.CreateVenueAsync();
        var one = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "WD-1", theatre: 100));
        var two = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "WD-2", theatre: 100));
        // Two forums: sessions of one forum share an audience and would be kept apart for that alone.
        var forum = await app.CreateForumAsync();
        var other = await app.CreateForumAsync();
        var speaker = await app.CreateRemoteSpeakerAsync("Ines Moreau-Lindahl");
        var first = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Panel: withdrawn one", attendance: 50));
        var second = await app.CreateSessionAsync(ProgrammeIntents.NewSession(other.Id, "Panel: withdrawn two", attendance: 50));
        var at = VenuesIntents.DayOneNine.AddDays(1).AddHours(1);
        await (await app.PlaceAsync(first.Id, one.Id, at, 60)).OkAsync<SessionView>();
        await (await app.PlaceAsync(second.Id, two.Id, at.AddHours(2), 60)).OkAsync<SessionView>();
        foreach (var session in new[] { first, second })
        {
            await (await app.SetPeopleAsync(session.Id, new ParticipantInput(speaker.Id, ParticipantRole.Speaker, 1))).OkAsync<SessionView>();
        }

        // While the speaker is a person, the second panel cannot move onto the first.
        await (await app.PlaceAsync(second.Id, two.Id, at.AddMinutes(30), 60)).AssertProblemAsync(409, ProgrammeErrors.EditBlocked);

        using var officer = await app.ClientForAsync(Roles.DataProtectionOfficer);
        await (await officer.PostAsJsonAsync($"/api/v1/privacy/subjects/{speaker.Id}/erasure", new ErasureRequest("Asked by mail", true), Intents.Json))
            .OkAsync<ErasureResult>();

        var moved = await (await app.PlaceAsync(second.Id, two.Id, at.AddMinutes(30), 60)).OkAsync<SessionView>();
        Assert.Single(moved.Participants, p => p.PersonId == speaker.Id);
        Assert.DoesNotContain(moved.Conflicts, c => c.Rule == ConflictRule.SpeakerDoubleBooked);

        // Free to move both, the solver keeps them where they are: nothing holds the withdrawn speaker to one place.
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);
        var request = new ScheduleRequest(GridMinutes: 15, MovePlaced: true);
        var proposal = await (await manager.PostAsJsonAsync("/api/v1/programme/schedule/proposal", request, Intents.Json)).OkAsync<ScheduleProposalView>();
        Assert.Equal(ScheduleStatus.Optimal, proposal.Status);
        Assert.Empty(proposal.Clashes);
        Assert.Empty(proposal.Moves);
    }
}
