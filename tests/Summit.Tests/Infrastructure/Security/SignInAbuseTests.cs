using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Tests.Infrastructure.Security;

/// <summary>
/// Sign-in cannot be used as a weapon: it was unlimited (100 failed sign-ins in 0.7 s), five wrong passwords locked any account,
/// the admin's included, and the lockout told which addresses exist.
/// </summary>
public class SignInAbuseTests(CountingFactory app) : IClassFixture<CountingFactory>
{
    [Fact]
    public async Task Sign_in_requests_are_limited_per_address_with_a_reason_in_both_languages()
    {
        using var flood = app.ClientFrom("203.0.113.10");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            statuses.Add((await flood.LoginAsync($"nobody{i}@test.summit", "Wrong-Password-1")).StatusCode);
        }

        // Ten a minute from one address (this factory's limit; 30 by default), whichever accounts they name.
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        var refused = await flood.LoginAsync(SummitFactory.EmailOf(Roles.Admin), SummitFactory.Password);
        await refused.AssertProblemAsync(429, ErrorCodes.RateLimited);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login") { Content = JsonContent.Create(new LoginRequest("x@test.summit", "y", null)) };
        request.Headers.AcceptLanguage.ParseAdd("zh-Hans");
        Assert.StartsWith("请求过于频繁", (await (await flood.SendAsync(request)).ProblemAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);

        // Another address is not held back by this one.
        using var other = app.ClientFrom("203.0.113.11");
        Assert.Equal(HttpStatusCode.OK, (await other.LoginAsync(SummitFactory.EmailOf(Roles.Reviewer), SummitFactory.Password)).StatusCode);

        // The browser's form comes back to the sign-in page with the message.
        using var browser = app.ClientFrom("203.0.113.10", handleCookies: true);
        var form = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["email"] = "a@b.c", ["password"] = "x" }));
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        Assert.StartsWith("/login?error=rate_limited", form.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_and_known_addresses_get_the_same_answers_after_the_same_work()
    {
        var (_, known) = await app.NewStaffAsync(Roles.Secretariat);
        var unknown = $"nobody-{Guid.NewGuid():N}@test.summit";
        using var client = app.ClientFrom("198.51.100.20");
        var answers = new List<string>();
        foreach (var email in new[] { known, unknown })
        {
            var checks = app.HashChecks;
            var response = await client.LoginAsync(email, "Wrong-Password-1");
            var problem = await response.ProblemAsync();
            answers.Add($"{(int)response.StatusCode} {problem.GetProperty("code").GetString()} {problem.GetProperty("title").GetString()}");
            Assert.Equal(checks + 1, app.HashChecks);
        }

        Assert.Equal(answers[0], answers[1]);
        Assert.Equal("401 login.failed Wrong email or password.", answers[0]);

        // After five failures both wait the same, whether or not the account exists.
        var locked = new List<string>();
        foreach (var (email, address) in new[] { (known, "198.51.100.21"), (unknown, "198.51.100.22") })
        {
            using var other = app.ClientFrom(address);
            HttpResponseMessage last = null!;
            for (var i = 0; i < 6; i++)
            {
                last = await other.LoginAsync(email, "Wrong-Password-1");
            }

            var problem = await last.ProblemAsync();
            locked.Add($"{(int)last.StatusCode} {problem.GetProperty("code").GetString()} {last.Headers.RetryAfter?.Delta}");
        }

        Assert.Equal(locked[0], locked[1]);
        Assert.StartsWith("429 login.locked_out", locked[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outsider_cannot_keep_the_administrator_out()
    {
        var (_, admin) = await app.NewStaffAsync(Roles.Admin);
        using var outsider = app.ClientFrom("192.0.2.66");
        for (var i = 0; i < 7; i++)
        {
            await outsider.LoginAsync(admin, "Guess-Number-" + i);
        }

        await (await outsider.LoginAsync(admin, SummitFactory.Password)).AssertProblemAsync(429, ErrorCodes.LoginLockedOut);

        // The administrator, from the office, signs in as ever.
        using var office = app.ClientFrom("198.51.100.30");
        Assert.Equal(HttpStatusCode.OK, (await office.LoginAsync(admin, SummitFactory.Password)).StatusCode);
        Assert.True((await app.UserAsync(admin)).LockedOut);
    }

    [Fact]
    public async Task Guessing_from_many_addresses_stops_but_the_owners_own_browser_still_gets_in()
    {
        var (_, email) = await app.NewStaffAsync(Roles.SecurityOfficer);
        using var ownBrowser = app.ClientFrom("198.51.100.40", handleCookies: true);
        Assert.Equal(HttpStatusCode.OK, (await ownBrowser.LoginAsync(email, SummitFactory.Password)).StatusCode);

        // Twelve failures an hour for one account over addresses without its trusted-device cookie (this factory; 100 by default).
        for (var i = 0; i < 12; i++)
        {
            using var bot = app.ClientFrom($"192.0.2.{100 + i}");
            await (await bot.LoginAsync(email, "Guess-Number-" + i)).AssertProblemAsync(401, ErrorCodes.LoginFailed);
        }

        using var nextBot = app.ClientFrom("192.0.2.150");
        await (await nextBot.LoginAsync(email, SummitFactory.Password)).AssertProblemAsync(429, ErrorCodes.LoginLockedOut);
        // Even from another address, the browser that signed in before is known by its cookie.
        ownBrowser.DefaultRequestHeaders.Remove(SecurityFactory.PeerHeader);
        ownBrowser.DefaultRequestHeaders.Add(SecurityFactory.PeerHeader, "198.51.100.41");
        Assert.Equal(HttpStatusCode.OK, (await ownBrowser.LoginAsync(email, SummitFactory.Password)).StatusCode);

        // An hour later the others may try again.
        app.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(HttpStatusCode.OK, (await nextBot.LoginAsync(email, SummitFactory.Password)).StatusCode);
    }

    [Fact]
    public async Task The_wait_doubles_with_each_further_failure_and_a_success_ends_it()
    {
        var (id, email) = await app.NewStaffAsync(Roles.Reviewer);
        using var client = app.ClientFrom("198.51.100.50");
        for (var i = 0; i < 5; i++)
        {
            await client.LoginAsync(email, "Wrong-Password-1");
        }

        var first = await client.LoginAsync(email, SummitFactory.Password);
        await first.AssertProblemAsync(429, ErrorCodes.LoginLockedOut);
        Assert.Equal(TimeSpan.FromMinutes(1), first.Headers.RetryAfter!.Delta);

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        await (await client.LoginAsync(email, "Wrong-Password-2")).AssertProblemAsync(401, ErrorCodes.LoginFailed);
        Assert.Equal(TimeSpan.FromMinutes(2), (await client.LoginAsync(email, SummitFactory.Password)).Headers.RetryAfter!.Delta);

        // An administrator lets it sign in again at once.
        using var admin = await app.ClientForAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{id}/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync(email, SummitFactory.Password)).StatusCode);
        Assert.False((await app.UserAsync(email)).LockedOut);
    }

    [Fact]
    public async Task Two_factor_set_up_is_rate_limited_too()
    {
        var (_, email) = await app.NewStaffAsync(Roles.Reviewer);
        using var signedIn = await app.BearerForAsync(email);
        signedIn.DefaultRequestHeaders.Add(SecurityFactory.PeerHeader, "198.51.100.60");
        var statuses = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((int)(await signedIn.PostAsJsonAsync("/api/v1/auth/two-factor/enable", new TwoFactorEnableRequest("000000"))).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(422, 10), 429, 429], statuses);
    }

    [Fact]
    public async Task The_portal_is_limited_per_address_and_per_invitation()
    {
        // Per address: guessing links from one place stops after ten requests a minute (120 by default).
        using var guesser = app.ClientFrom("192.0.2.200");
        var statuses = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((int)(await guesser.GetAsync($"/api/v1/portal/guess-{i}")).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(404, 10), 429, 429], statuses);
        await (await guesser.GetAsync("/api/v1/portal/guess-x")).AssertProblemAsync(429, ErrorCodes.RateLimited);

        // Per invitation: one link from many addresses stops after six a minute (60 by default).
        statuses.Clear();
        for (var i = 0; i < 8; i++)
        {
            using var somewhere = app.ClientFrom($"192.0.2.{210 + i}");
            statuses.Add((int)(await somewhere.GetAsync("/api/v1/portal/one-shared-link")).StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(404, 6), 429, 429], statuses);
    }
}
