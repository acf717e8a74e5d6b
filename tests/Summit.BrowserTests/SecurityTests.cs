using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Summit.BrowserTests;

/// <summary>
/// The UI under Summit's Content Security Policy (Blazor, MudBlazor, the API reference), the API reference with no internet,
/// and an open page that loses its session within seconds when an administrator takes the role away.
/// </summary>
[Collection(ServerCollection.Name)]
public class SecurityTests(SummitServer server) : IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The pages this test opened are closed, so that they do not load the tests after it.</summary>
    public Task DisposeAsync() => server.ClosePagesAsync();

    /// <summary>Collects the page's Content Security Policy violations (the event fires for every blocked script, style, frame...).</summary>
    private const string RecordViolations =
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

    [Fact]
    public async Task The_pages_work_under_the_content_security_policy()
    {
        var page = await server.NewPageAsync();
        await page.Context.AddInitScriptAsync(RecordViolations);
        await SummitServer.LoginAsync(page, SummitServer.AdminEmail);
        foreach (var url in new[] { "/", "/guests", "/approvals", "/access/zones", "/access/live", "/operations", "/operations/incidents", "/screening", "/admin/users" })
        {
            var response = await page.GotoAsync(url);
            Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"], StringComparison.Ordinal);
            // Interactive means blazor.web.js ran and opened its circuit: the policy let Summit's own scripts through.
            await page.Locator("[data-interactive=true]").WaitForAsync();
            Assert.Empty(await page.EvaluateAsync<string[]>("window.__csp"));
        }

        // MudBlazor's own script and styles: a dialog opens and a select drops down.
        await page.GetByTestId("report-problem").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync();
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__csp"));
    }

    [Fact]
    public async Task The_API_reference_loads_with_no_internet()
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.BaseUrl });
        var outside = new List<string>();
        var summit = new Uri(server.BaseUrl).Authority;
        await context.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).Authority == summit)
            {
                await route.ContinueAsync();
            }
            else
            {
                outside.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        await context.AddInitScriptAsync(RecordViolations);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api-reference/");

        // The document loads and renders: its description, and the operations listed by their summaries under their tags.
        await Assertions.Expect(page.GetByText("Server version").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByText("Sign in with POST /api/v1/auth/login").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Accounts").First).ToBeVisibleAsync();
        Assert.DoesNotContain("could not be loaded", await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(outside);
        // Scalar's bundled validator (Zod) first tries `Function("")` to learn whether it may compile validators, and works
        // without when the policy says no: that probe is the one thing refused, and the page has no need of eval.
        Assert.DoesNotContain(await page.EvaluateAsync<string[]>("window.__csp"), v => v != "script-src eval");
        await context.CloseAsync();
    }

    [Fact]
    public async Task An_open_page_loses_its_session_within_seconds_when_the_role_is_taken_away()
    {
        using var admin = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var login = await admin.PostAsJsonAsync("/api/v1/auth/login", new { email = SummitServer.AdminEmail, password = SummitServer.Password });
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>());
        var email = $"desk-{Guid.NewGuid():N}@summit.local";
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { email, displayName = "Desk", password = SummitServer.Password, roles = new[] { "Secretariat" }, language = "en" });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var page = await server.NewPageAsync();
        await SummitServer.LoginAsync(page, email);
        await SummitServer.GotoLiveAsync(page, "/guests");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Guests" })).ToBeVisibleAsync();

        var changed = await admin.PutAsJsonAsync($"/api/v1/users/{id}/roles", new { roles = new[] { "Reviewer" } });
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());

        // The circuit checks its session every 5 s: without a reload, the page gives way to the sign-in.
        await page.WaitForURLAsync(url => url.Contains("/login", StringComparison.Ordinal), new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("login-email")).ToBeVisibleAsync();
    }
}
