using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Summit.BrowserTests;

/// <summary>
/// Every page of the menu, and a guest, the guest's privacy page, an incident, a gate console, the sign-in page and an invited
/// guest's portal, read in Chinese: no English text but data (see
/// <see cref="EnglishText"/>). What a person typed (names, organisations, device names) is data and passes in any language.
/// </summary>
[Collection(ServerCollection.Name)]
public class ChinesePageWalkTests(SummitServer server) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The pages this test opened are closed, so that they do not load the tests after it.</summary>
    public Task DisposeAsync() => server.ClosePagesAsync();

    // The API reference is Scalar's own page (a third-party viewer in English), not one of Summit's.
    private static readonly string[] NotWalked = ["/api-reference"];

    // The text a person sees: visible text nodes, the shown value of selects and the placeholders, leaving out what the page marks
    // as not to be translated (translate="no": time zone ids, file column keys).
    private const string VisibleText = """
        () => {
            const out = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const element = node.parentElement;
                if (!element || element.closest('[translate=no], script, style, noscript, svg title')) continue;
                if (!element.checkVisibility({ visibilityProperty: true })) continue;
                const text = node.textContent.trim();
                if (text) out.push(text);
            }
            for (const input of document.querySelectorAll('input[readonly], input[placeholder], textarea[placeholder]')) {
                if (!input.checkVisibility() || input.closest('[translate=no]')) continue;
                if (input.readOnly && input.value) out.push(input.value);
                if (input.placeholder) out.push(input.placeholder);
            }
            return out.join('\n');
        }
        """;

    [Fact]
    public async Task Every_page_in_Chinese_shows_no_English_but_data()
    {
        using var api = await AdminApiAsync();
        var incident = await FileIncidentAsync(api);

        var page = await server.NewPageAsync();
        await SummitServer.LoginAsync(page, SummitServer.AdminEmail);
        await page.GetByTestId("lang-zh").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/culture", StringComparison.Ordinal));

        var menu = await page.Locator(".mud-navmenu a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.True(menu.Length >= 15, $"The menu showed {menu.Length} links.");
        var pages = menu.Except(NotWalked).ToList();

        await SummitServer.GotoLiveAsync(page, "/guests");
        var guest = await page.GetByTestId("guest-link").First.GetAttributeAsync("href") ?? "";
        pages.Add(guest);
        pages.Add($"{guest}/edit");
        pages.Add($"/operations/incidents/{incident}");
        pages.Add(guest.Replace("/guests/", "/privacy/subjects/", StringComparison.Ordinal));
        pages.Add("/login");
        pages.Add(await PortalLinkAsync(api));
        await SummitServer.GotoLiveAsync(page, "/gate");
        pages.Add(await page.Locator("a[href^='/gate/']").First.GetAttributeAsync("href") ?? "");

        var data = await DataWordsAsync(api, guest);
        var found = new StringBuilder();
        foreach (var url in pages.Distinct())
        {
            await page.GotoAsync(url);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            // Lists fill in after the circuit connects.
            await page.WaitForTimeoutAsync(1500);
            var english = EnglishText.Find(await page.EvaluateAsync<string>(VisibleText), data);
            if (english.Count > 0)
            {
                found.AppendLine(CultureInfo.InvariantCulture, $"{url}: {string.Join(", ", english)}");
            }
        }

        Assert.True(found.Length == 0, "English text on Chinese pages:\n" + found);
    }

    private async Task<HttpClient> AdminApiAsync()
    {
        var api = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var login = await api.PostAsJsonAsync("/api/v1/auth/login", new { email = SummitServer.AdminEmail, password = SummitServer.Password });
        var token = (await ReadAsync(login))!["accessToken"]!.GetValue<string>();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        api.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-Hans"));
        return api;
    }

    /// <summary>The portal of a guest who has not registered yet, as the invitation mail links it (path and token).</summary>
    private static async Task<string> PortalLinkAsync(HttpClient api)
    {
        var invited = (await ReadAsync(await api.GetAsync("/api/v1/guests?status=Invited&pageSize=1")))!["items"]!.AsArray();
        Assert.NotEmpty(invited);
        var sent = await api.PostAsJsonAsync("/api/v1/guests/invitations", new { guestIds = new[] { invited[0]!["id"]!.GetValue<string>() } });
        var link = (await ReadAsync(sent))!["sent"]!.AsArray().Single()!["link"]!.GetValue<string>();
        return new Uri(link).PathAndQuery;
    }

    /// <summary>An incident as a Chinese-speaking officer files it; its number.</summary>
    private static async Task<string> FileIncidentAsync(HttpClient api)
    {
        var created = await api.PostAsJsonAsync("/api/v1/incidents", new
        {
            type = "Equipment",
            severity = "Medium",
            title = "北门2号闸读卡器无响应",
            description = "读卡器屏幕黑屏，已改用人工核验。",
            placeText = "北门",
        });
        return (await ReadAsync(created))!["summary"]!["number"]!.GetValue<string>();
    }

    /// <summary>
    /// The Latin words of what people typed: guests' names, organisations and delegations, the walked guest's title and position,
    /// staff names, device and sensor names. Only those fields: an enum value in the same answers is no data.
    /// </summary>
    private static async Task<HashSet<string>> DataWordsAsync(HttpClient api, string guestPath)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        void Add(JsonNode? item, params string[] fields) =>
            words.UnionWith(fields.SelectMany(f => EnglishText.WordsOf(item?[f]?.GetValue<string?>())));

        for (var pageNumber = 1; ; pageNumber++)
        {
            var items = (await ReadAsync(await api.GetAsync($"/api/v1/guests?pageSize=500&page={pageNumber}")))!["items"]!.AsArray();
            foreach (var guest in items)
            {
                Add(guest, "familyName", "givenName", "familyNameLatin", "givenNameLatin", "organisation", "delegationName", "email");
            }

            if (items.Count < 500)
            {
                break;
            }
        }

        Add(await ReadAsync(await api.GetAsync("/api/v1" + guestPath)), "title", "position", "organisation");
        foreach (var (source, fields) in new[]
                 {
                     ("/api/v1/users", new[] { "displayName", "email" }), ("/api/v1/access/devices", ["name"]),
                     ("/api/v1/screening/sensors", ["name"]), ("/api/v1/delegations", ["name"]),
                 })
        {
            foreach (var item in (await ReadAsync(await api.GetAsync(source)))!.AsArray())
            {
                Add(item, fields);
            }
        }

        // What staff wrote when they reported a problem, in whatever language they wrote it (an automatic incident's title is
        // Summit's own text, in both languages, and is checked like any other).
        foreach (var incident in (await ReadAsync(await api.GetAsync("/api/v1/incidents")))!.AsArray())
        {
            if (incident?["automatic"]?.GetValue<bool>() == false)
            {
                Add(incident, "title");
                Add(incident?["place"], "text");
            }
        }

        // The actor that seeded the demo, named in audit records and "enrolled by" columns like any person.
        words.Add("demo");
        return words;
    }

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body);
    }
}
