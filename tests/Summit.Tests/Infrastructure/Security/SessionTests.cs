using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Tests.Infrastructure.Security;

/// <summary>
/// Taking a role away takes it away: a change of roles, a new password or a disabled account ends the person's bearer tokens and
/// sign-in cookies at once, and the last active administrator stays.
/// </summary>
public class SessionTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task Removing_a_role_ends_the_token_and_the_cookie_at_once()
    {
        var (id, email) = await app.NewStaffAsync(Roles.Secretariat);
        using var token = await app.BearerForAsync(email);
        using var browser = await app.BrowserAsAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/guests")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/guests")).StatusCode);

        using var admin = await app.ClientForAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/users/{id}/roles", new SetRolesRequest([Roles.Reviewer]))).StatusCode);

        // The token issued with Secretariat in it is refused at once, and says why.
        await (await token.GetAsync("/api/v1/guests")).AssertProblemAsync(401, ErrorCodes.SessionEnded);
        await (await token.GetAsync("/api/v1/auth/me")).AssertProblemAsync(401, ErrorCodes.SessionEnded);
        Assert.Equal("您的会话已结束（角色、密码或账户状态已变更），请重新登录。", await token.ChineseTitleAsync(HttpMethod.Get, "/api/v1/auth/me"));

        // The cookie too: the page sends the browser to sign in, and the cookie is removed.
        var page = await browser.GetAsync("/guests");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", new Uri(new Uri("http://localhost"), page.Headers.Location!).AbsolutePath, StringComparison.Ordinal);
        Assert.Contains(page.Headers.GetValues("Set-Cookie"), c => c.StartsWith("summit.auth=;", StringComparison.Ordinal));

        // Signing in again gives the roles the account has now.
        using var again = await app.BearerForAsync(email);
        var me = await again.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal([Roles.Reviewer], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/v1/guests")).StatusCode);
    }

    [Fact]
    public async Task A_new_password_ends_the_sessions_and_the_old_password()
    {
        var (id, email) = await app.NewStaffAsync(Roles.GateOperator);
        using var token = await app.BearerForAsync(email);
        using var admin = await app.ClientForAsync(Roles.Admin);
        const string newPassword = "Lantern-Orbit-7731";
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/users/{id}/password", new SetPasswordRequest(newPassword))).StatusCode);

        await (await token.GetAsync("/api/v1/auth/me")).AssertProblemAsync(401, ErrorCodes.SessionEnded);
        using var anonymous = app.CreateClient();
        await (await anonymous.LoginAsync(email, SummitFactory.Password)).AssertProblemAsync(401, ErrorCodes.LoginFailed);
        using var signedIn = await app.BearerForAsync(email, newPassword);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Contains(await app.AuditTrailAsync("user", id), e => e.Action == "user.password_reset" && e.ActorName == SummitFactory.EmailOf(Roles.Admin));
    }

    [Theory]
    [InlineData("Password2024!", ErrorCodes.PasswordCommon)]
    [InlineData("1qaz2wsx3edc4RFV", ErrorCodes.PasswordCommon)]
    [InlineData("Short-Pass1", ErrorCodes.PasswordTooShort)]
    [InlineData("lantern-orbit-7731", ErrorCodes.PasswordRequiresUpper)]
    public async Task A_short_or_common_password_is_refused_with_its_reason(string password, string reason)
    {
        var (id, _) = await app.NewStaffAsync(Roles.Reviewer);
        using var admin = await app.ClientForAsync(Roles.Admin);
        var response = await admin.PutAsJsonAsync($"/api/v1/users/{id}/password", new SetPasswordRequest(password));
        await response.AssertProblemAsync(422, ErrorCodes.UserPasswordRejected);
        var details = (await response.ProblemAsync()).GetProperty("details").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        Assert.Contains(reason, details);

        var chinese = await admin.ChineseTitleAsync(HttpMethod.Put, $"/api/v1/users/{id}/password", JsonContent.Create(new SetPasswordRequest(password)));
        Assert.StartsWith("密码不符合要求", chinese, StringComparison.Ordinal);

        var created = await admin.PostAsJsonAsync("/api/v1/users", new CreateUserRequest($"new-{Guid.NewGuid():N}@test.summit", "New", password, [Roles.Reviewer], "en"));
        await created.AssertProblemAsync(422, ErrorCodes.UserPasswordRejected);
    }

    [Fact]
    public void The_common_password_list_is_shipped_and_read()
    {
        var common = app.Services.GetRequiredService<CommonPasswords>();
        Assert.True(common.Count >= 29_000, $"{common.Count} passwords");
        Assert.True(common.IsCommon("PASSWORD"));
        Assert.True(common.IsCommon("2024-Sunshine-!!"));
        Assert.False(common.IsCommon("Lantern-Orbit-7731"));
        Assert.False(common.IsCommon(SummitFactory.Password));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_sessions_end_until_it_is_enabled()
    {
        var (id, email) = await app.NewStaffAsync(Roles.AccreditationOfficer);
        using var token = await app.BearerForAsync(email);
        using var browser = await app.BrowserAsAsync(email);
        using var admin = await app.ClientForAsync(Roles.Admin);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{id}/disable", null)).StatusCode);
        Assert.True((await app.UserAsync(email)).Disabled);
        await (await token.GetAsync("/api/v1/guests")).AssertProblemAsync(401, ErrorCodes.SessionEnded);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/guests")).StatusCode);

        using var anonymous = app.CreateClient();
        await (await anonymous.LoginAsync(email, SummitFactory.Password)).AssertProblemAsync(403, ErrorCodes.LoginAccountDisabled);
        // Without the password nobody learns that the account exists, let alone that it is disabled.
        await (await anonymous.LoginAsync(email, "Wrong-Password-1")).AssertProblemAsync(401, ErrorCodes.LoginFailed);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{id}/enable", null)).StatusCode);
        Assert.False((await app.UserAsync(email)).Disabled);
        using var again = await app.BearerForAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/guests")).StatusCode);

        var trail = await app.AuditTrailAsync("user", id);
        Assert.Contains(trail, e => e.Action == "user.disabled" && e.ActorName == SummitFactory.EmailOf(Roles.Admin));
        Assert.Contains(trail, e => e.Action == "user.enabled");
    }

    [Fact]
    public async Task The_last_active_administrator_cannot_be_disabled_or_demoted()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var only = await app.UserAsync(SummitFactory.EmailOf(Roles.Admin));
        await (await admin.PostAsync($"/api/v1/users/{only.Id}/disable", null)).AssertProblemAsync(422, ErrorCodes.UserLastAdmin);
        Assert.Equal("系统须至少保留一个在用的系统管理员账户，此操作将导致没有管理员。", await admin.ChineseTitleAsync(HttpMethod.Post, $"/api/v1/users/{only.Id}/disable"));

        // A second administrator who is disabled does not count: the first is still the last active one.
        var (second, _) = await app.NewStaffAsync(Roles.Admin);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{second}/disable", null)).StatusCode);
        await (await admin.PutAsJsonAsync($"/api/v1/users/{only.Id}/roles", new SetRolesRequest([Roles.Secretariat]))).AssertProblemAsync(422, ErrorCodes.UserLastAdmin);
        await (await admin.PostAsync($"/api/v1/users/{only.Id}/disable", null)).AssertProblemAsync(422, ErrorCodes.UserLastAdmin);
        Assert.False((await app.UserAsync(only.Email)).Disabled);
        Assert.Contains(Roles.Admin, (await app.UserAsync(only.Email)).Roles);

        // Once the second is active again, either may go.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{second}/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync($"/api/v1/users/{second}/roles", new SetRolesRequest([Roles.Reviewer]))).StatusCode);
    }

    [Fact]
    public async Task A_session_stands_while_its_stamp_is_the_accounts()
    {
        var (id, email) = await app.NewStaffAsync(Roles.Reviewer);
        await app.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<SummitUser>>();
            var factory = sp.GetRequiredService<IUserClaimsPrincipalFactory<SummitUser>>();
            var user = (await users.FindByIdAsync(id))!;
            var principal = await factory.CreateAsync(user);
            Assert.True(await StaffSessions.StandsAsync(users, principal));
            await users.UpdateSecurityStampAsync(user);
            Assert.False(await StaffSessions.StandsAsync(users, principal));
            Assert.True(await StaffSessions.StandsAsync(users, await factory.CreateAsync(user)));
        });
        Assert.NotNull(email);
    }
}
