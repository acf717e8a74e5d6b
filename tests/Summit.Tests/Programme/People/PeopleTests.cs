using System.Net.Http.Json;
using Summit.Server;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Programme;
using Summit.Server.Programme.People;
using Summit.Server.Programme.Rules;
using Summit.Server.Programme.Sessions;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.People;

/// <summary>
/// The people of the programme: a guest through the guests module's contract (never copied), or a remote speaker; roles in protocol order;
/// availability windows the rules check.
/// </summary>
public sealed class PeopleTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_guest_speaks_under_the_guests_own_name_once_and_a_remote_speaker_is_checked_field_by_field()
    {
        var guest = await app.CreateGuestAsync();
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);

        var found = await (await manager.GetAsync("/api/v1/programme/people/guests?q=Zhejiang")).OkAsync<List<GuestChoice>>();
        Assert.Contains(found, g => g.GuestId == guest.Id && g.PersonId is null);
        var person = await (await manager.PostAsJsonAsync("/api/v1/programme/people", new PersonInput(guest.Id), Intents.Json)).OkAsync<PersonView>();
        Assert.Equal((guest.Id, "Zhejiang University", "CN", null), (person.GuestId, person.Organisation, person.CountryCode, person.Email));
        Assert.Equal("Xiaoming WANG", person.Name);
        await (await manager.PostAsJsonAsync("/api/v1/programme/people", new PersonInput(guest.Id), Intents.Json)).AssertProblemAsync(422, ErrorCodes.RequestInvalid);
        await (await manager.PostAsJsonAsync("/api/v1/programme/people", new PersonInput(Guid.NewGuid()), Intents.Json)).AssertProblemAsync(422, ErrorCodes.RequestInvalid);

        var bad = await manager.PostAsJsonAsync("/api/v1/programme/people", new PersonInput(null, "Remote", "Org", "ZZ", "not an address"), Intents.Json);
        var codes = (await bad.ProblemAsync()).GetProperty("details").EnumerateArray().Select(p => p.GetProperty("code").GetString()).ToList();
        Assert.Equal([ProgrammeErrors.CountryUnknown, ProgrammeErrors.EmailInvalid], codes);

        var remote = await app.CreateRemoteSpeakerAsync();
        var list = await (await manager.GetAsync("/api/v1/programme/people")).OkAsync<List<PersonView>>();
        // The list leaves a remote speaker's address out; reading the one person gives it.
        Assert.Null(list.Single(p => p.Id == remote.Id).Email);
        Assert.Equal("lukas.berger@example.org", (await (await manager.GetAsync($"/api/v1/programme/people/{remote.Id}")).OkAsync<PersonView>()).Email);

        var forum = await app.CreateForumAsync();
        var session = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id));
        var withPeople = await (await app.SetPeopleAsync(session.Id, new ParticipantInput(remote.Id, ParticipantRole.Panellist, 2),
            new ParticipantInput(person.Id, ParticipantRole.Panellist, 1), new ParticipantInput(person.Id, ParticipantRole.Moderator, 1))).OkAsync<SessionView>();
        Assert.Equal([(ParticipantRole.Moderator, person.Id), (ParticipantRole.Panellist, person.Id), (ParticipantRole.Panellist, remote.Id)],
            withPeople.Participants.Select(p => (p.Role, p.PersonId)));
        Assert.Equal(person.Name, withPeople.Participants[0].Name);
        await (await app.SetPeopleAsync(session.Id, new ParticipantInput(remote.Id, ParticipantRole.Speaker, 1), new ParticipantInput(remote.Id, ParticipantRole.Speaker, 2)))
            .AssertProblemAsync(422, ErrorCodes.RequestInvalid);
    }

    [Fact]
    public async Task A_session_outside_a_speakers_windows_stops_the_release_but_is_allowed_and_shown()
    {
        var venue = await app.CreateVenueAsync();
        var room = await app.CreateRoomAsync(VenuesIntents.NewRoom(venue.Id, "AV-1", theatre: 200));
        var forum = await app.CreateForumAsync();
        var speaker = await app.CreateRemoteSpeakerAsync("Amina Diallo");
        var session = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Keynote: the African digital market"));
        await (await app.SetPeopleAsync(session.Id, new ParticipantInput(speaker.Id, ParticipantRole.Speaker, 1))).OkAsync<SessionView>();
        var start = VenuesIntents.DayOneNine.AddDays(1).AddHours(5);
        await (await app.PlaceAsync(session.Id, room.Id, start, 60)).OkAsync<SessionView>();
        using var manager = await app.ClientForAsync(Roles.ProgrammeManager);

        var windows = new[] { new AvailabilityWindow(VenuesIntents.DayOneNine, VenuesIntents.DayOneNine.AddHours(10)) };
        var person = await (await manager.PutAsJsonAsync($"/api/v1/programme/people/{speaker.Id}/availability", windows, Intents.Json)).OkAsync<PersonView>();

        Assert.Equal(VenuesIntents.DayOneNine, Assert.Single(person.Availability).From);
        var conflict = Assert.Single((await app.GetSessionAsync(session.Id)).Conflicts);
        Assert.Equal((ConflictRule.SpeakerUnavailable, RuleSeverity.BlockRelease, speaker.Id), (conflict.Rule, conflict.Severity, conflict.PersonId));
        Assert.Equal("Amina Diallo is not available during \"Keynote: the African digital market\".", conflict.Message);

        // Moved into the window, the conflict is gone.
        await (await app.PlaceAsync(session.Id, room.Id, VenuesIntents.DayOneNine.AddHours(2), 60)).OkAsync<SessionView>();
        Assert.Empty((await app.GetSessionAsync(session.Id)).Conflicts);
    }
}
