using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Security;
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
/// The public programme, without signing in: nothing before the first release, then only the latest released version (never the draft),
/// filtered by day, forum, room and language; speakers' pages with what they appear with publicly and nothing else; in both languages.
/// </summary>
public sealed class PublicProgrammeTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task Anyone_reads_the_latest_released_version_only_with_its_filters_and_speakers_but_no_personal_data()
    {
        using var anonymous = app.CreateClient();
        await (await anonymous.GetAsync("/api/v1/public/programme")).AssertProblemAsync(404, ProgrammeErrors.NotReleased);
        Assert.Contains("The programme has not been released yet.", await PublicPageAsync("/public/programme"), StringComparison.Ordinal);

        var guestInput = Intents.NewGuestInput();
        guestInput.Position = "Vice-president";
        guestInput.Phone = "+8613800000000";
        var guest = await app.CreateGuestAsync(guestInput);
        var speaker = await app.CreatePersonAsync(new PersonInput(guest.Id));
        var interpreter = await app.CreatePersonAsync(new PersonInput(null, "Chen Jing", "Interpreters", "CN", "booth@example.org"));
        var (forum, panel, room) = await app.PlacedSessionAsync("Panel: open source", VenuesIntents.DayOneNine, "PB-1");
        await (await app.SetPeopleAsync(panel.Id, new ParticipantInput(speaker.Id, ParticipantRole.Speaker, 1),
            new ParticipantInput(interpreter.Id, ParticipantRole.Interpreter, 1))).OkAsync<SessionView>();
        var (otherForum, dialogue, otherRoom) = await app.PlacedSessionAsync("Dialogue: 数据治理", VenuesIntents.DayOneNine.AddDays(1), "PB-2", "zh-Hans", ["en"]);
        await (await app.ReleaseAsync()).OkAsync<ReleaseView>();
        // A draft change after the release: the public does not see it.
        using (var manager = await app.ClientForAsync(Roles.ProgrammeManager))
        {
            await (await manager.PutAsJsonAsync($"/api/v1/programme/sessions/{panel.Id}", ProgrammeIntents.NewSession(forum.Id, "Panel: draft title"),
                Intents.Json)).OkAsync<SessionView>();
        }

        var all = await (await anonymous.GetAsync("/api/v1/public/programme")).OkAsync<PublicProgrammeView>();
        Assert.Equal(1, all.Version);
        Assert.Equal([panel.Id, dialogue.Id], all.Sessions.Select(s => s.Id));
        Assert.Equal("Panel: open source", all.Sessions[0].TitleEn);
        Assert.Equal([new DateOnly(2021, 9, 26), new DateOnly(2021, 9, 27)], all.Sessions.Select(s => s.Day));
        // Interpreters are crew: not on the public bill.
        Assert.Equal([(speaker.Id, ParticipantRole.Speaker)], all.Sessions[0].People.Select(p => (p.PersonId, p.Role)));
        Assert.Equal(["en", "zh-Hans"], all.Languages);

        Assert.Equal([dialogue.Id], await IdsAsync(anonymous, "?day=2021-09-27"));
        Assert.Equal([panel.Id], await IdsAsync(anonymous, $"?forum={forum.Id}"));
        Assert.Equal([dialogue.Id], await IdsAsync(anonymous, $"?room={otherRoom.Id}"));
        Assert.Equal([panel.Id, dialogue.Id], await IdsAsync(anonymous, "?language=en"));
        Assert.Empty(await IdsAsync(anonymous, "?language=ru"));
        Assert.Equal([dialogue.Id], await IdsAsync(anonymous, $"?day=2021-09-27&forum={otherForum.Id}&language=zh-Hans"));
        await (await anonymous.GetAsync("/api/v1/public/programme?language=" + new string('x', 200))).AssertProblemAsync(422, ErrorCodes.RequestInvalid);

        // Speakers: the people on stage, with name, organisation and position only.
        var speakersJson = await anonymous.GetStringAsync("/api/v1/public/programme/speakers");
        var speakers = JsonSerializer.Deserialize<List<PublicSpeaker>>(speakersJson, Intents.Json)!;
        var shown = Assert.Single(speakers);
        Assert.Equal((speaker.Id, speaker.Name, "Zhejiang University", "Vice-president"), (shown.Id, shown.Name, shown.Organisation, shown.Position));
        Assert.Equal([panel.Id], shown.Sessions.Select(s => s.Id));
        Assert.DoesNotContain(guest.Email, speakersJson, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("8613800000000", speakersJson, StringComparison.Ordinal);
        Assert.DoesNotContain("booth@example.org", speakersJson, StringComparison.Ordinal);
        Assert.DoesNotContain("email", speakersJson, StringComparison.OrdinalIgnoreCase);
        await (await anonymous.GetAsync($"/api/v1/public/programme/speakers/{interpreter.Id}")).AssertProblemAsync(404, ProgrammeErrors.SpeakerNotFound);
        var changes = await (await anonymous.GetAsync("/api/v1/public/programme/changes")).OkAsync<PublicChanges>();
        Assert.Equal([ChangeKind.New, ChangeKind.New], changes.Changes.Select(c => c.Kind));

        // The pages, in both languages, whatever is in the address.
        var page = await PublicPageAsync("/public/programme");
        Assert.Contains("data-testid=\"public-version\" data-version=\"1\"", page, StringComparison.Ordinal);
        Assert.Contains("Panel: open source", page, StringComparison.Ordinal);
        Assert.DoesNotContain("draft title", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Chen Jing", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/public/programme/speakers/{speaker.Id}\"", page, StringComparison.Ordinal);
        var chinese = await PublicPageAsync("/public/programme?day=2021-09-26", "zh-Hans");
        Assert.Contains("Panel: open source（中）", chinese, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"public-session\" data-session=\"{panel.Id}\"", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-testid=\"public-session\" data-session=\"{dialogue.Id}\"", chinese, StringComparison.Ordinal);
        Assert.Contains("同传：", chinese, StringComparison.Ordinal);
        Assert.Contains("Panel: open source", await PublicPageAsync("/public/programme?day=garbage&forum=x&room=%00"), StringComparison.Ordinal);
        var speakerPage = await PublicPageAsync($"/public/programme/speakers/{speaker.Id}");
        Assert.Contains("Vice-president, Zhejiang University", speakerPage, StringComparison.Ordinal);
        Assert.DoesNotContain(guest.Email, speakerPage, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Nobody with the id", await PublicPageAsync($"/public/programme/speakers/{interpreter.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_public_endpoints_are_anonymous_and_counted_in_the_public_rate_limit()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("public/programme", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(9, endpoints.Count);
        Assert.All(endpoints, e => Assert.Equal(RateLimitFamily.Public, e.Metadata.GetMetadata<SummitRateLimitAttribute>()?.Family));
    }

    private async Task<string> PublicPageAsync(string path, string language = "en")
    {
        using var browser = await app.BrowserForAsync(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string query) =>
        [.. (await (await client.GetAsync("/api/v1/public/programme" + query)).OkAsync<PublicProgrammeView>()).Sessions.Select(s => s.Id)];
}
