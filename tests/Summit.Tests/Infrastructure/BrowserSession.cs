using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Summit.Tests.Infrastructure;

/// <summary>Signs in the way a browser does: the login form with its antiforgery token, then the auth cookie.</summary>
public static partial class BrowserSession
{
    /// <summary>A page as the server first renders it for a signed-in role, in a language; fails unless it answers 200.</summary>
    public static async Task<string> PageAsync(this SummitFactory app, string role, string path, string language = "en")
    {
        using var browser = await app.BrowserForAsync(role);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await browser.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} as {role}: {(int)response.StatusCode} {response.Headers.Location}");
        // Blazor escapes every non-ASCII character: decode so that Chinese text reads as written.
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>A cookie-keeping client that does not follow redirects, signed in as the role's test account (or anonymous for null).</summary>
    public static async Task<HttpClient> BrowserForAsync(this SummitFactory app, string? role)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (role is null)
        {
            return client;
        }

        var response = await SubmitLoginAsync(client, SummitFactory.EmailOf(role), SummitFactory.Password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/",
            $"Sign-in as {role} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return client;
    }

    public static async Task<HttpResponseMessage> SubmitLoginAsync(HttpClient client, string email, string password, string? code = null)
    {
        var page = await (await client.GetAsync("/login")).Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "The login page has no antiforgery token.");
        var fields = new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
        };
        if (code is not null)
        {
            fields["code"] = code;
        }

        return await client.PostAsync("/account/login", new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
