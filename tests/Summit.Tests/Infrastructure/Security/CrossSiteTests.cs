using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Tests.Infrastructure.Security;

/// <summary>
/// Another site cannot act with a signed-in browser: a page elsewhere could make the browser POST a guest file to the import
/// (the cookie went with it and the import took it), or sign its user out. Bearer-token callers are unaffected.
/// </summary>
public partial class CrossSiteTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_cookie_from_another_site_cannot_import_guests_and_a_bearer_token_still_can()
    {
        using var browser = await app.BrowserForAsync(Roles.Secretariat);
        using var form = ImportForm();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/guests/import") { Content = form };
        request.Headers.Add("Origin", "https://evil.example");
        var response = await browser.SendAsync(request);
        await response.AssertProblemAsync(401, ErrorCodes.CookieNotAccepted);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);

        // The browser still reads through the API (photos, badges, exports), and the API client still imports.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/guests")).StatusCode);
        using var api = await app.ClientForAsync(Roles.Secretariat);
        using var sameForm = ImportForm();
        var imported = await api.PostAsync("/api/v1/guests/import", sameForm);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
    }

    [Fact]
    public async Task No_api_endpoint_changes_anything_for_a_cookie()
    {
        using var browser = await app.BrowserForAsync(Roles.Admin);
        var wrong = new List<string>();
        var checkedCalls = 0;
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                     .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
                     .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null))
        {
            foreach (var method in (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is not ("GET" or "HEAD")))
            {
                var path = Parameter().Replace(endpoint.RoutePattern.RawText!, m => m.Value.Contains(":long", StringComparison.Ordinal) ? "1" : Guid.NewGuid().ToString());
                using var request = new HttpRequestMessage(new HttpMethod(method), path)
                {
                    Content = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true
                        ? new MultipartFormDataContent()
                        : new StringContent("{}", Encoding.UTF8, "application/json"),
                };
                var response = await browser.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                checkedCalls++;
                if (response.StatusCode != HttpStatusCode.Unauthorized || !body.Contains(ErrorCodes.CookieNotAccepted, StringComparison.Ordinal))
                {
                    wrong.Add($"{method} {path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 100)]}");
                }
            }
        }

        Assert.True(checkedCalls > 40, $"Only {checkedCalls} state-changing calls found.");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Signing_out_needs_the_forms_token()
    {
        using var browser = await app.BrowserForAsync(Roles.Reviewer);
        var forged = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        var page = await (await browser.GetAsync("/")).Content.ReadAsStringAsync();
        var token = WebUtility.HtmlDecode(Regex.Match(page, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value);
        var signedOut = await browser.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal((HttpStatusCode.Redirect, "/login"), (signedOut.StatusCode, signedOut.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    private static MultipartFormDataContent ImportForm()
    {
        var csv = new ByteArrayContent(Encoding.UTF8.GetBytes("family_name,organisation,organisation_type,country,email,category\nMallory,Evil Corp,Company,GB,mallory@example.org,Delegate\n"));
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { csv, "file", "guests.csv" } };
    }

    [GeneratedRegex(@"\{\*{0,2}[A-Za-z_][A-Za-z0-9_]*[^}]*\}")]
    private static partial Regex Parameter();
}
