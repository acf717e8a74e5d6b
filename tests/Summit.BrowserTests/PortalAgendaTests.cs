using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Summit.BrowserTests;

/// <summary>
/// A guest builds their agenda in the portal from the demo's released programme: two sessions at the same time are both added, the clash is
/// shown (not refused), and the calendar feed's address and its QR code appear; the address serves the agenda as an iCalendar file. The
/// guest's messages are listed below.
/// </summary>
[Collection(ServerCollection.Name)]
public class PortalAgendaTests(SummitServer server) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => server.ClosePagesAsync();

    [Fact]
    public async Task A_guest_adds_two_sessions_sees_their_clash_and_gets_the_feed_link_and_its_qr_code()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var (first, second) = await OverlappingSessionsAsync(anonymous);
        var token = await RegisteredGuestTokenAsync(anonymous);

        var page = await server.NewPageAsync();
        await SummitServer.GotoLiveAsync(page, "/portal/" + token);
        var agenda = page.GetByTestId("agenda");
        await Assertions.Expect(agenda.GetByTestId("agenda-empty")).ToBeVisibleAsync();
        await agenda.GetByTestId("agenda-offers").Locator("summary").ClickAsync();
        await agenda.Locator($"[data-testid=agenda-add][data-session='{first}']").ClickAsync();
        await Assertions.Expect(agenda.Locator($"[data-testid=agenda-entry][data-session='{first}']")).ToBeVisibleAsync();
        await agenda.Locator($"[data-testid=agenda-add][data-session='{second}']").ClickAsync();
        await Assertions.Expect(agenda.GetByTestId("agenda-entry")).ToHaveCountAsync(2);

        // Both stay in the agenda; the clash is shown naming the two.
        var clash = agenda.GetByTestId("agenda-clash");
        await Assertions.Expect(clash).ToHaveCountAsync(1);
        await Assertions.Expect(clash).ToHaveAttributeAsync("data-kind", "Overlap");
        Assert.Equal(new[] { first, second }.Order(), new[] { await clash.GetAttributeAsync("data-first"), await clash.GetAttributeAsync("data-second") }.Order());

        // The feed: its address and QR code, shown once; the address serves the two sessions.
        await agenda.GetByTestId("agenda-feed-renew").ClickAsync();
        var url = await agenda.GetByTestId("agenda-feed-url").InputValueAsync();
        Assert.Contains("/api/v1/agenda/", url, StringComparison.Ordinal);
        await Assertions.Expect(agenda.GetByTestId("agenda-feed-qr")).ToBeVisibleAsync();
        Assert.StartsWith("data:image/png;base64,", await agenda.GetByTestId("agenda-feed-qr").GetAttributeAsync("src"), StringComparison.Ordinal);
        await Assertions.Expect(agenda.GetByTestId("agenda-feed-subscribe")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^webcal://"));
        // Below the agenda, what Summit wrote to the guest (their invitation at least), each opening to its text.
        var messages = page.GetByTestId("messages").GetByTestId("message");
        await Assertions.Expect(messages.First).ToBeVisibleAsync();
        await messages.Last.Locator("summary").ClickAsync();
        await Assertions.Expect(messages.Last.GetByTestId("message-text")).ToBeVisibleAsync();

        var feed = await anonymous.GetAsync(new Uri(url).AbsolutePath);
        Assert.True(feed.IsSuccessStatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
        var ics = await feed.Content.ReadAsStringAsync();
        Assert.Contains($"UID:{first}@programme.summit", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:{second}@programme.summit", ics, StringComparison.Ordinal);
    }

    /// <summary>Two sessions of the released demo programme that overlap in time.</summary>
    private static async Task<(string First, string Second)> OverlappingSessionsAsync(HttpClient anonymous)
    {
        var programme = (await anonymous.GetFromJsonAsync<JsonObject>("/api/v1/public/programme"))!;
        var sessions = programme["sessions"]!.AsArray().Select(s => (Id: s!["id"]!.GetValue<string>(),
            Start: s["startsAt"]!.GetValue<DateTimeOffset>(), End: s["endsAt"]!.GetValue<DateTimeOffset>())).ToList();
        foreach (var a in sessions)
        {
            if (sessions.FirstOrDefault(b => b.Id != a.Id && b.Start < a.End && a.Start < b.End) is { Id: not null } b)
            {
                return (a.Id, b.Id);
            }
        }

        throw new InvalidOperationException("The demo's released programme has no two overlapping sessions.");
    }

    /// <summary>A new guest, invited and registered through the API: the token of their portal.</summary>
    private async Task<string> RegisteredGuestTokenAsync(HttpClient anonymous)
    {
        using var admin = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var login = await admin.PostAsJsonAsync("/api/v1/auth/login", new { email = SummitServer.AdminEmail, password = SummitServer.Password });
        login.EnsureSuccessStatusCode();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>());
        var created = await admin.PostAsJsonAsync("/api/v1/guests", new
        {
            familyName = "林",
            givenName = "晓",
            familyNameLatin = "Lin",
            givenNameLatin = "Xiao",
            organisation = "Zhejiang Lab",
            organisationType = "ResearchInstitute",
            country = "CN",
            email = $"agenda-{Guid.NewGuid():N}@example.org",
            language = "en",
            participationMode = "InPerson",
            category = "Delegate",
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var guestId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var invited = await admin.PostAsJsonAsync("/api/v1/guests/invitations", new { guestIds = new[] { guestId } });
        Assert.True(invited.IsSuccessStatusCode, await invited.Content.ReadAsStringAsync());
        var token = (await invited.Content.ReadFromJsonAsync<JsonObject>())!["sent"]![0]!["link"]!.GetValue<string>().Split("/portal/")[1];

        using var form = new MultipartFormDataContent
        {
            { new StringContent("林"), "familyName" },
            { new StringContent("晓"), "givenName" },
            { new StringContent("Lin"), "familyNameLatin" },
            { new StringContent("Xiao"), "givenNameLatin" },
            { new StringContent("Zhejiang Lab"), "organisation" },
            { new StringContent("ResearchInstitute"), "organisationType" },
            { new StringContent("CN"), "country" },
            { new StringContent("en"), "language" },
            { new StringContent("InPerson"), "participationMode" },
            { new StringContent("E" + Random.Shared.Next(10_000_000, 99_999_999)), "passportNumber" },
            { new StringContent("true"), "dataConsent" },
            { new StringContent("false"), "faceConsent" },
        };
        var photo = new ByteArrayContent(TestImages.Portrait());
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(photo, "photo", "me.jpg");
        var registered = await anonymous.PostAsync($"/api/v1/portal/{token}/registration", form);
        Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        return token;
    }
}
