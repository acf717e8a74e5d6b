using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Summit.Server;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Tests.Infrastructure.Security;

/// <summary>
/// An administrator without two-factor sign-in gets nothing that needs a sign-in, whatever the path looks like: the rule used to
/// skip every path with a dot in it (closing.csv, badges.pdf, badge.pdf).
/// </summary>
public partial class TwoFactorRuleTests(TwoFactorSummitFactory app) : IClassFixture<TwoFactorSummitFactory>
{
    [Theory]
    [InlineData("/api/v1/reports/closing.csv")]
    [InlineData("/api/v1/access/badges.pdf?categoryId=00000000-0000-0000-0000-000000000001")]
    [InlineData("/api/v1/access/guests/00000000-0000-0000-0000-000000000001/badge.pdf")]
    public async Task Files_with_a_dot_in_their_path_are_held_back_too(string path)
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        await (await admin.GetAsync(path)).AssertProblemAsync(403, ErrorCodes.TwoFactorSetupRequired);

        using var browser = await app.BrowserForAsync(Roles.Admin);
        await (await browser.GetAsync(path)).AssertProblemAsync(403, ErrorCodes.TwoFactorSetupRequired);
    }

    [Fact]
    public async Task Every_route_of_the_OpenAPI_document_holds_back_an_administrator_without_two_factor()
    {
        using var anonymous = app.CreateClient();
        var document = OpenApiDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json"), "json").Document!;
        using var admin = await app.ClientForAsync(Roles.Admin);
        var wrong = new List<string>();
        var held = 0;
        foreach (var (template, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations!)
            {
                var policy = operation.Extensions?.TryGetValue("x-summit-policy", out var p) == true ? ((JsonNodeExtension)p).Node.GetValue<string>() : null;
                var path = Fill(template);
                using var request = new HttpRequestMessage(method, path);
                if (method == HttpMethod.Post || method == HttpMethod.Put || method == HttpMethod.Patch)
                {
                    request.Content = operation.RequestBody?.Content?.ContainsKey("multipart/form-data") == true
                        ? new MultipartFormDataContent()
                        : new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await admin.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if (policy is null)
                {
                    continue; // Anyone may call it, with or without a second factor.
                }

                if (policy == Policies.OwnAccount || policy == DeviceAuthentication.Policy)
                {
                    // The staff member's own account stays open to set two-factor up; devices are refused as ever.
                    if (policy == DeviceAuthentication.Policy && response.IsSuccessStatusCode)
                    {
                        wrong.Add($"{method} {path}: {(int)response.StatusCode} for a person on a device endpoint");
                    }

                    continue;
                }

                held++;
                if (response.StatusCode != HttpStatusCode.Forbidden || !body.Contains($"\"code\":\"{ErrorCodes.TwoFactorSetupRequired}\"", StringComparison.Ordinal))
                {
                    wrong.Add($"{method} {path} ({policy}): {(int)response.StatusCode} {body[..Math.Min(body.Length, 120)]}");
                }
            }
        }

        Assert.True(held > 50, $"Only {held} operations checked: the document is incomplete.");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Pages_send_the_administrator_to_set_up_two_factor_and_assets_still_load()
    {
        using var browser = await app.BrowserForAsync(Roles.Admin);
        foreach (var page in new[] { "/", "/guests", "/operations/report", "/admin/users" })
        {
            var response = await browser.GetAsync(page);
            Assert.Equal((HttpStatusCode.Redirect, "/account/two-factor"), (response.StatusCode, response.Headers.Location?.OriginalString));
        }

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/two-factor")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/app.css")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/_framework/blazor.web.js")).StatusCode);
    }

    private static string Fill(string template) =>
        Parameter().Replace(template, m => m.Groups[1].Value.Equals("token", StringComparison.OrdinalIgnoreCase) ? "not-a-token"
            : m.Groups[1].Value is "keyId" or "number" ? "1" : Guid.NewGuid().ToString());

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Parameter();
}
