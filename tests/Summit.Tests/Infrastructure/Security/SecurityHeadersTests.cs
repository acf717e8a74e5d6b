using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Tests.Infrastructure.Security;

/// <summary>
/// Headers that limit what a page may run and what it tells other sites, HSTS and Secure cookies over HTTPS, and a TLS proxy's
/// forwarded headers believed from the known proxy only. Before, no response carried any of them.
/// </summary>
public class SecurityHeadersTests(SecurityFactory app) : IClassFixture<SecurityFactory>
{
    [Theory]
    [InlineData("/login")]
    [InlineData("/portal/not-a-token")]
    [InlineData("/api/v1/version")]
    [InlineData("/app.css")]
    [InlineData("/no-such-page")]
    public async Task Every_answer_restricts_scripts_and_tells_no_referrer(string path)
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync(path);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        var scripts = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scripts);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Over_https_cookies_are_secure_and_hsts_is_sent_and_over_http_neither()
    {
        using var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://summit.example"), AllowAutoRedirect = false });
        var login = await https.GetAsync("/login");
        Assert.StartsWith("max-age=31536000", login.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.All(login.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));

        var signIn = await https.PostAsJsonAsync("/api/v1/auth/login", new LoginRequest(SummitFactory.EmailOf(Roles.Reviewer), SummitFactory.Password, null));
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("summit.device=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));

        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://summit.example"), AllowAutoRedirect = false });
        var plain = await http.GetAsync("/login");
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.All(plain.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_known_proxys_forwarded_headers_are_believed_and_anyone_elses_are_not()
    {
        // Through the TLS proxy at 10.0.0.5 (Summit:Security:KnownProxies): the request was HTTPS, from the client it names.
        using var proxied = ClientAt("10.0.0.5", forwardedFor: "198.51.100.70", proto: "https");
        var response = await proxied.GetAsync("/login");
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));

        // A client that writes the same headers itself is not believed.
        using var spoofing = ClientAt("192.0.2.80", forwardedFor: "198.51.100.70", proto: "https");
        var spoofed = await spoofing.GetAsync("/login");
        Assert.False(spoofed.Headers.Contains("Strict-Transport-Security"));

        // The client address the proxy gave is the one rate limits count: failures of 198.51.100.71 through the proxy make it wait,
        // not other clients of the same proxy.
        var (_, email) = await app.NewStaffAsync(Roles.Reviewer);
        using var throughProxy = ClientAt("10.0.0.5", forwardedFor: "198.51.100.71", proto: "https");
        for (var i = 0; i < 5; i++)
        {
            await throughProxy.LoginAsync(email, "Wrong-Password-1");
        }

        await (await throughProxy.LoginAsync(email, SummitFactory.Password)).AssertProblemAsync(429, Summit.Server.ErrorCodes.LoginLockedOut);
        using var neighbour = ClientAt("10.0.0.5", forwardedFor: "198.51.100.72", proto: "https");
        Assert.Equal(HttpStatusCode.OK, (await neighbour.LoginAsync(email, SummitFactory.Password)).StatusCode);
    }

    private HttpClient ClientAt(string peer, string forwardedFor, string proto)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://summit.example"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(SecurityFactory.PeerHeader, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", proto);
        return client;
    }
}
