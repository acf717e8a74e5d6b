using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Tests.Infrastructure;

/// <summary>
/// The permission matrix, checked against every endpoint the server actually maps. The expected answers
/// come from <see cref="Policies.RolesFor"/>, so the matrix is stated once, in the server.
/// </summary>
public partial class AuthorizationTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    private const string Token = "not-a-real-invitation-token";

    [Fact]
    public void Every_endpoint_states_who_may_use_it()
    {
        var unclear = new List<string>();
        foreach (var endpoint in AllEndpoints())
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = PoliciesOf(endpoint);
            var known = policies.Count > 0 && policies.All(p => p is not null && (Policies.RolesFor.ContainsKey(p) || p == DeviceAuthentication.Policy));
            if (anonymous == known)
            {
                // Neither stated (so any signed-in user gets in) or both (so [AllowAnonymous] silently wins).
                unclear.Add($"{Describe(endpoint)}: anonymous={anonymous}, policies=[{string.Join(", ", policies.Select(p => p ?? "(roles or none)"))}]");
            }
        }

        Assert.True(unclear.Count == 0, "Endpoints without exactly one of a Policies policy or [AllowAnonymous]:\n" + string.Join("\n", unclear));
    }

    [Fact]
    public async Task Each_api_endpoint_admits_exactly_the_roles_of_its_policy()
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles.All)
        {
            clients[role] = await app.ClientForAsync(role);
        }

        using var anonymous = app.CreateClient();
        var wrong = new List<string>();
        var checkedCalls = 0;
        foreach (var (endpoint, policy) in ApiEndpointsWithPolicy())
        {
            foreach (var method in MethodsOf(endpoint))
            {
                var path = FillRoute(endpoint);
                var anonymousStatus = await SendAsync(anonymous, endpoint, method, path);
                if (anonymousStatus != HttpStatusCode.Unauthorized)
                {
                    wrong.Add($"{method} {path} anonymous: {(int)anonymousStatus}, expected 401");
                }

                foreach (var role in Roles.All)
                {
                    var status = await SendAsync(clients[role], endpoint, method, path);
                    var allowed = Policies.RolesFor[policy].Contains(role);
                    if (allowed && !LetIn(status))
                    {
                        wrong.Add($"{method} {path} as {role} ({policy}): {(int)status}, expected to be let in");
                    }
                    else if (!allowed && status != HttpStatusCode.Forbidden)
                    {
                        wrong.Add($"{method} {path} as {role} ({policy}): {(int)status}, expected 403");
                    }
                }

                checkedCalls++;
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(checkedCalls > 10, $"Only {checkedCalls} API calls found: the endpoint enumeration is broken.");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Each_page_admits_exactly_the_roles_of_its_policy()
    {
        var browsers = new Dictionary<string, HttpClient>();
        foreach (var role in Roles.All)
        {
            browsers[role] = await app.BrowserForAsync(role);
        }

        using var anonymous = await app.BrowserForAsync(null);
        var wrong = new List<string>();
        var pages = AllEndpoints().Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null).ToList();
        Assert.Contains(pages, p => p.RoutePattern.RawText == "/guests");
        foreach (var page in pages)
        {
            var path = FillRoute(page);
            if (page.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                Expect(wrong, path, "anonymous", await anonymous.GetAsync(path), HttpStatusCode.OK, null);
                continue;
            }

            var policy = PoliciesOf(page).Single()!;
            Expect(wrong, path, "anonymous", await anonymous.GetAsync(path), HttpStatusCode.Redirect, "/login");
            foreach (var role in Roles.All)
            {
                var response = await browsers[role].GetAsync(path);
                if (Policies.RolesFor[policy].Contains(role))
                {
                    Expect(wrong, path, role, response, HttpStatusCode.OK, null);
                }
                else
                {
                    Expect(wrong, path, role, response, HttpStatusCode.Redirect, "/access-denied");
                }
            }
        }

        foreach (var browser in browsers.Values)
        {
            browser.Dispose();
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task The_login_form_refuses_a_post_without_its_antiforgery_token()
    {
        using var browser = await app.BrowserForAsync(null);
        var response = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = SummitFactory.EmailOf(Roles.Admin),
            ["password"] = SummitFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("summit.auth=", StringComparison.Ordinal));
    }

    /// <summary>Let in: answered, or refused for the dummy input, but neither denied nor crashed (a crash can surface as 405 from the error page).</summary>
    private static bool LetIn(HttpStatusCode status) =>
        (int)status is >= 200 and < 300 or 400 or 404 or 409 or 422;

    private static void Expect(List<string> wrong, string path, string who, HttpResponseMessage response, HttpStatusCode status, string? redirectPath)
    {
        var location = response.Headers.Location is { } l ? new Uri(new Uri("http://localhost"), l).AbsolutePath : null;
        if (response.StatusCode != status || (redirectPath is not null && location != redirectPath))
        {
            wrong.Add($"GET {path} as {who}: {(int)response.StatusCode} {location}, expected {(int)status} {redirectPath}");
        }
    }

    private IEnumerable<RouteEndpoint> AllEndpoints()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        // Every endpoint of this server is routed; anything else would escape the checks below.
        Assert.All(endpoints, e => Assert.IsType<RouteEndpoint>(e));
        return endpoints.Cast<RouteEndpoint>();
    }

    [Fact]
    public async Task Device_endpoints_admit_devices_and_no_person()
    {
        var deviceEndpoints = AllEndpoints().Where(e => PoliciesOf(e).Contains(DeviceAuthentication.Policy)).ToList();
        Assert.True(deviceEndpoints.Count >= 5, $"Only {deviceEndpoints.Count} device endpoints found.");
        Assert.All(deviceEndpoints, e => Assert.StartsWith("/api/v1/device/", e.RoutePattern.RawText, StringComparison.Ordinal));

        using var anonymous = app.CreateClient();
        var wrong = new List<string>();
        foreach (var endpoint in deviceEndpoints)
        {
            foreach (var method in MethodsOf(endpoint))
            {
                var path = FillRoute(endpoint);
                var status = await SendAsync(anonymous, endpoint, method, path);
                if (status != HttpStatusCode.Unauthorized)
                {
                    wrong.Add($"{method} {path} anonymous: {(int)status}, expected 401");
                }

                foreach (var role in Roles.All)
                {
                    using var person = await app.ClientForAsync(role);
                    status = await SendAsync(person, endpoint, method, path);
                    if (status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
                    {
                        wrong.Add($"{method} {path} as {role}: {(int)status}, expected 401 or 403");
                    }
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private IEnumerable<(RouteEndpoint Endpoint, string Policy)> ApiEndpointsWithPolicy() =>
        AllEndpoints()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => (e, PoliciesOf(e).Single()!))
            .Where(e => e.Item2 != DeviceAuthentication.Policy);

    private static List<string?> PoliciesOf(Endpoint endpoint) =>
        [.. endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Roles is null ? a.Policy : null)];

    private static IEnumerable<string> MethodsOf(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    private static string Describe(RouteEndpoint endpoint) =>
        $"{string.Join(",", MethodsOf(endpoint))} {endpoint.RoutePattern.RawText}";

    /// <summary>Puts a value in each route parameter: the portal token, a number where the route wants one, otherwise a random id.</summary>
    private static string FillRoute(RouteEndpoint endpoint)
    {
        var path = RouteParameter().Replace(endpoint.RoutePattern.RawText ?? "/", m =>
            m.Groups["name"].Value.Equals("token", StringComparison.OrdinalIgnoreCase) ? Token
            : m.Value.Contains(":long", StringComparison.Ordinal) || m.Value.Contains(":int", StringComparison.Ordinal) ? "1"
            : Guid.NewGuid().ToString());
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, RouteEndpoint endpoint, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            // A minimal body of the kind the endpoint accepts: routing answers 415 for any other before authorization runs.
            request.Content = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true
                ? new MultipartFormDataContent()
                : new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z_][A-Za-z0-9_]*)[^}]*\}")]
    private static partial Regex RouteParameter();
}
