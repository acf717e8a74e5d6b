using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Tests.Infrastructure.Security;

/// <summary>Staff accounts and their sessions, through the API and the sign-in form, named by intent.</summary>
public static class AccountIntents
{
    /// <summary>Creates a staff account through the users API and returns its id and address.</summary>
    public static async Task<(string Id, string Email)> NewStaffAsync(this SummitFactory app, params string[] roles)
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var email = $"staff-{Guid.NewGuid():N}@test.summit";
        var created = await admin.PostAsJsonAsync("/api/v1/users", new CreateUserRequest(email, "Staff Member", SummitFactory.Password, roles, "en"));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return (id, email);
    }

    public static async Task<HttpResponseMessage> LoginAsync(this HttpClient client, string email, string password, string? code = null) =>
        await client.PostAsJsonAsync("/api/v1/auth/login", new LoginRequest(email, password, code));

    /// <summary>A bearer-token client signed in as the given account.</summary>
    public static async Task<HttpClient> BearerForAsync(this SummitFactory app, string email, string password = SummitFactory.Password)
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.LoginAsync(email, password);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A browser (cookies, no redirects followed) signed in through the form as the given account.</summary>
    public static async Task<HttpClient> BrowserAsAsync(this SummitFactory app, string email)
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await BrowserSession.SubmitLoginAsync(browser, email, SummitFactory.Password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/",
            $"Sign-in as {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        return browser;
    }

    public static async Task<UserDto> UserAsync(this SummitFactory app, string email)
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        return (await admin.GetFromJsonAsync<List<UserDto>>("/api/v1/users", Intents.Json))!.Single(u => u.Email == email);
    }

    /// <summary>The problem's title as read in Chinese: the same refusal must be given in both languages.</summary>
    public static async Task<string> ChineseTitleAsync(this HttpClient client, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.AcceptLanguage.ParseAdd("zh-Hans");
        var response = await client.SendAsync(request);
        return (await response.ProblemAsync()).GetProperty("title").GetString()!;
    }
}
