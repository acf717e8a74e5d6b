using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Summit.Tests.Infrastructure;

/// <summary>Signs in the way a browser does: the login form with its antiforgery token, then the auth cookie.</summary>
public static partial class BrowserSession
{
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
