using System.Net;
using Summit.Server;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Tests.Infrastructure.Security;

/// <summary>
/// A failure outside the API shows a page in the reader's language, not a bare 500: the error page itself answered 404, and
/// /culture?returnUrl=/%5Cevil crashed.
/// </summary>
public class ErrorPageTests(CrashingFactory app) : IClassFixture<CrashingFactory>
{
    [Fact]
    public async Task A_return_address_to_another_host_goes_home_instead()
    {
        using var browser = await app.BrowserForAsync(null);
        foreach (var hostile in new[] { "/%5Cevil.example", "//evil.example", "https://evil.example/", "/\\evil.example" })
        {
            var response = await browser.GetAsync("/culture?culture=zh-Hans&returnUrl=" + Uri.EscapeDataString(Uri.UnescapeDataString(hostile)));
            Assert.Equal((HttpStatusCode.Redirect, "/"), (response.StatusCode, response.Headers.Location?.OriginalString));
        }

        var home = await browser.GetAsync("/culture?culture=en&returnUrl=%2Fguests%3Fstatus%3DApproved");
        Assert.Equal("/guests?status=Approved", home.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("en", "Something went wrong", "中文")]
    [InlineData("zh-Hans", "出现错误", "English")]
    public async Task A_crashing_page_shows_the_error_page_in_the_readers_language(string language, string title, string otherLanguage)
    {
        using var browser = await app.BrowserForAsync(Roles.Secretariat);
        app.Crash = true;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Accept.ParseAdd("text/html");
            request.Headers.AcceptLanguage.ParseAdd(language);
            var response = await browser.SendAsync(request);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
            Assert.Contains($">{otherLanguage}</a>", html, StringComparison.Ordinal);
            Assert.Contains("data-status=\"500\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("A page failed", html, StringComparison.Ordinal);
        }
        finally
        {
            app.Crash = false;
        }
    }

    [Fact]
    public async Task An_unknown_page_and_an_expired_form_get_a_page_and_api_callers_a_problem()
    {
        using var browser = await app.BrowserForAsync(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        request.Headers.Accept.ParseAdd("text/html");
        var missing = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var api = app.CreateClient();
        await (await api.GetAsync("/api/v1/guests")).AssertProblemAsync(401, ErrorCodes.AuthRequired);
        await (await api.GetAsync("/api/v1/no-such-endpoint")).AssertProblemAsync(404, ErrorCodes.RequestNotFound);
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var malformed = await secretariat.PostAsync("/api/v1/guests", new StringContent("{\"familyName\": ", System.Text.Encoding.UTF8, "application/json"));
        await malformed.AssertProblemAsync(400, ErrorCodes.RequestJsonInvalid);
    }

    [Fact]
    public async Task A_crash_in_the_API_is_a_problem_with_a_code_in_the_callers_language()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        app.Crash = true;
        try
        {
            await (await secretariat.GetAsync("/api/v1/guests")).AssertProblemAsync(500, ErrorCodes.ServerError);
            Assert.StartsWith("服务器出现错误", await secretariat.ChineseTitleAsync(HttpMethod.Get, "/api/v1/guests"), StringComparison.Ordinal);
        }
        finally
        {
            app.Crash = false;
        }
    }
}
