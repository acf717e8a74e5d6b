using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Security;

namespace Summit.Tests.Infrastructure;

/// <summary>
/// The API reference is a contract: /openapi/v1.json must be served, read by an OpenAPI reader, and list every mapped /api
/// endpoint with who may call it and the problems it may answer. It answered 500 (a schema default it could not write).
/// </summary>
public partial class OpenApiDocumentTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task The_document_is_served_and_reads_without_errors()
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync("/openapi/v1.json");
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, json[..Math.Min(json.Length, 500)]);

        var read = OpenApiDocument.Parse(json, "json");
        Assert.NotNull(read.Document);
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.Equal("Summit API", read.Document!.Info.Title);
    }

    [Fact]
    public async Task Every_api_endpoint_is_in_it_with_its_roles_and_its_error_responses()
    {
        var document = await DocumentAsync();
        var wrong = new List<string>();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>()?.ExcludeFromDescription != true)
            .ToList();
        Assert.True(endpoints.Count > 50, $"Only {endpoints.Count} endpoints");
        var paths = document.Paths.ToDictionary(p => p.Key.TrimEnd('/'), p => p.Value);

        foreach (var endpoint in endpoints)
        {
            var path = "/" + TypeConstraint().Replace(endpoint.RoutePattern.RawText!.Trim('/'), "{$1}").TrimEnd('/');
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var operation = paths.TryGetValue(path, out var item) && item.Operations!.TryGetValue(new HttpMethod(method), out var found) ? found : null;
                if (operation is null)
                {
                    wrong.Add($"{method} {path}: not in the document");
                    continue;
                }

                var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
                var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().SingleOrDefault();
                var responses = operation.Responses!;
                if (anonymous)
                {
                    if (operation.Extensions?.ContainsKey("x-summit-roles") == true || !operation.Description!.Contains("Anyone", StringComparison.Ordinal))
                    {
                        wrong.Add($"{method} {path}: anonymous, but the document names roles");
                    }
                }
                else
                {
                    var roles = operation.Extensions?.TryGetValue("x-summit-roles", out var r) == true
                        ? ((JsonNodeExtension)r).Node.AsArray().Select(n => n!.GetValue<string>()).ToArray() : null;
                    var expected = policy is not null && Policies.RolesFor.TryGetValue(policy, out var allowed) ? allowed : [];
                    if (roles is null || !roles.Order().SequenceEqual(expected.Order()))
                    {
                        wrong.Add($"{method} {path}: roles [{string.Join(",", roles ?? [])}], expected [{string.Join(",", expected)}] ({policy})");
                    }

                    if (expected.Length > 0 && !expected.All(role => operation.Description!.Contains(role, StringComparison.Ordinal)))
                    {
                        wrong.Add($"{method} {path}: the description does not name its roles");
                    }

                    foreach (var status in new[] { "401", "403" })
                    {
                        if (!IsProblem(responses, status))
                        {
                            wrong.Add($"{method} {path}: no {status} problem response");
                        }
                    }
                }

                if (endpoint.Metadata.GetMetadata<SummitRateLimitAttribute>() is not null && !IsProblem(responses, "429"))
                {
                    wrong.Add($"{method} {path}: rate-limited without a 429 problem response");
                }

                if (!responses.Keys.Any(k => k[0] is '4' or '5'))
                {
                    wrong.Add($"{method} {path}: no error response at all");
                }

                if (responses.Where(r => r.Key[0] is '4' or '5').Any(r => !IsProblem(responses, r.Key)))
                {
                    wrong.Add($"{method} {path}: an error response that is not a problem document");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task The_reference_page_loads_its_script_from_Summit_and_nothing_from_the_internet()
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.GetAsync("/api-reference/");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.Contains("\"hideClientButton\":true", html, StringComparison.Ordinal);
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);

        // Its one inline script runs under the page's own nonce, the only inline script the policy lets run.
        var nonce = Regex.Match(html, "nonce=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"'nonce-{nonce}'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var script = await anonymous.GetAsync("/api-reference/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    private static bool IsProblem(OpenApiResponses responses, string status) =>
        responses.TryGetValue(status, out var response) && response.Content?.ContainsKey("application/problem+json") == true;

    private async Task<OpenApiDocument> DocumentAsync()
    {
        using var anonymous = app.CreateClient();
        return OpenApiDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json"), "json").Document!;
    }

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z_][A-Za-z0-9_]*)(:[^}]*)?\}")]
    private static partial Regex TypeConstraint();
}
