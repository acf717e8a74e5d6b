using System.Net;
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
/// The public programme's pages as rendered are kept (<see cref="PublicPageCachePolicy"/>): a reader after the first is answered from the
/// cache, in their own language, a new release shows at once, a corrected card once its period is over, and a signed-in reader is never
/// served a kept page.
/// </summary>
public sealed class PublicPageCacheTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_page_is_kept_per_language_and_release_and_a_corrected_card_shows_after_its_period()
    {
        var guest = await app.CreateGuestAsync(Intents.NewGuestInput());
        var speaker = await app.CreatePersonAsync(new PersonInput(guest.Id));
        var (forum, keynote, _) = await app.PlacedSessionAsync("Keynote: the kept page", VenuesIntents.DayOneNine, "PC-1");
        await (await app.SetPeopleAsync(keynote.Id, new ParticipantInput(speaker.Id, ParticipantRole.Speaker, 1))).OkAsync<SessionView>();
        await (await app.ReleaseAsync()).OkAsync<ReleaseView>();

        var (first, firstKept) = await PageAsync("/public/programme");
        Assert.False(firstKept);
        Assert.Contains("Keynote: the kept page", first, StringComparison.Ordinal);
        var (second, secondKept) = await PageAsync("/public/programme");
        Assert.True(secondKept, "The second reader of the same page should be answered from the cache.");
        Assert.DoesNotContain("__RequestVerificationToken", second, StringComparison.Ordinal);
        Assert.Equal(first, second);

        // Another language, another query: rendered for them, not the English page of another address.
        var (chinese, chineseKept) = await PageAsync("/public/programme", "zh-CN");
        Assert.False(chineseKept);
        Assert.Contains("议程", chinese, StringComparison.Ordinal);
        Assert.False((await PageAsync("/public/programme?day=2099-01-01")).Kept);

        // Signed in: neither served from the cache nor kept.
        using (var staff = await app.BrowserForAsync(Roles.ProgrammeManager))
        {
            for (var i = 0; i < 2; i++)
            {
                using var response = await staff.GetAsync("/public/programme");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.False(response.Headers.Age.HasValue);
            }
        }

        using (var officer = await app.ClientForAsync(Roles.AccreditationOfficer))
        {
            var input = Intents.NewGuestInput(email: guest.Email);
            input.Organisation = "Tsinghua University";
            (await officer.PutAsJsonAsync($"/api/v1/guests/{guest.Id}", input, Intents.Json)).EnsureSuccessStatusCode();
        }

        var speakerPage = $"/public/programme/speakers/{speaker.Id}";
        Assert.Contains("Zhejiang University", (await PageAsync(speakerPage)).Html, StringComparison.Ordinal);
        var (stale, staleKept) = await PageAsync(speakerPage);
        Assert.True(staleKept);
        Assert.Contains("Zhejiang University", stale, StringComparison.Ordinal);
        app.Clock.Advance(PublishedProgrammeCache.PeopleFor);
        var (corrected, correctedKept) = await PageAsync(speakerPage);
        Assert.False(correctedKept);
        Assert.Contains("Tsinghua University", corrected, StringComparison.Ordinal);

        using (var manager = await app.ClientForAsync(Roles.ProgrammeManager))
        {
            await (await manager.PutAsJsonAsync($"/api/v1/programme/sessions/{keynote.Id}", ProgrammeIntents.NewSession(forum.Id, "Keynote: retitled page"),
                Intents.Json)).OkAsync<SessionView>();
        }

        await (await app.ReleaseAsync()).OkAsync<ReleaseView>();
        var (released, releasedKept) = await PageAsync("/public/programme");
        Assert.False(releasedKept);
        Assert.Contains("Keynote: retitled page", released, StringComparison.Ordinal);
        Assert.Contains($"/public/programme/speakers/{speaker.Id}", released, StringComparison.Ordinal);
        Assert.Contains("Keynote: retitled page", (await PageAsync(speakerPage)).Html, StringComparison.Ordinal);
        Assert.True((await PageAsync(speakerPage)).Kept);
    }

    /// <summary>The page as an anonymous reader gets it, and whether it came from the cache (the output cache adds an Age header).</summary>
    private async Task<(string Html, bool Kept)> PageAsync(string path, string language = "en")
    {
        using var reader = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await reader.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A page that may be kept hands nobody a cookie (a kept one would be another reader's).
        Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} set a cookie for an anonymous reader.");
        return (WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), response.Headers.Age.HasValue);
    }
}
