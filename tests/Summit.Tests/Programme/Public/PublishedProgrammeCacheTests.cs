using System.Net.Http.Json;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Programme;
using Summit.Server.Programme.People;
using Summit.Server.Programme.Public;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Sessions;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Public;

/// <summary>
/// The public programme is kept between readers (fifty of them should not each parse the release): a new release still shows at once,
/// and a corrected guest card (or an erased one) reaches the page once the kept names are <see cref="PublishedProgrammeCache.PeopleFor"/> old.
/// </summary>
public sealed class PublishedProgrammeCacheTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_new_release_shows_at_once_and_a_corrected_card_once_the_kept_names_have_aged()
    {
        using var anonymous = app.CreateClient();
        var guest = await app.CreateGuestAsync(Intents.NewGuestInput());
        var speaker = await app.CreatePersonAsync(new PersonInput(guest.Id));
        var (forum, keynote, _) = await app.PlacedSessionAsync("Keynote: the kept programme", VenuesIntents.DayOneNine, "PK-1");
        await (await app.SetPeopleAsync(keynote.Id, new ParticipantInput(speaker.Id, ParticipantRole.Speaker, 1))).OkAsync<SessionView>();
        await (await app.ReleaseAsync()).OkAsync<ReleaseView>();
        Assert.Equal("Zhejiang University", (await SpeakerAsync(anonymous, speaker.Id)).Organisation);

        using (var officer = await app.ClientForAsync(Roles.AccreditationOfficer))
        {
            var input = Intents.NewGuestInput(email: guest.Email);
            input.Organisation = "Tsinghua University";
            (await officer.PutAsJsonAsync($"/api/v1/guests/{guest.Id}", input, Intents.Json)).EnsureSuccessStatusCode();
        }

        app.Clock.Advance(PublishedProgrammeCache.PeopleFor);
        Assert.Equal("Tsinghua University", (await SpeakerAsync(anonymous, speaker.Id)).Organisation);

        using (var manager = await app.ClientForAsync(Roles.ProgrammeManager))
        {
            await (await manager.PutAsJsonAsync($"/api/v1/programme/sessions/{keynote.Id}", ProgrammeIntents.NewSession(forum.Id, "Keynote: retitled"),
                Intents.Json)).OkAsync<SessionView>();
        }

        await (await app.ReleaseAsync()).OkAsync<ReleaseView>();
        var programme = await (await anonymous.GetAsync("/api/v1/public/programme")).OkAsync<PublicProgrammeView>();
        Assert.Equal(2, programme.Version);
        Assert.Equal("Keynote: retitled", Assert.Single(programme.Sessions).TitleEn);
    }

    private static async Task<PublicSpeaker> SpeakerAsync(HttpClient anonymous, Guid id) =>
        await (await anonymous.GetAsync($"/api/v1/public/programme/speakers/{id}")).OkAsync<PublicSpeaker>();
}
