using System.Net;
using System.Net.Http.Json;
using Summit.Server;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Tests.Infrastructure;

/// <summary>Managing staff accounts through /api/v1/users: unlocking, and never losing the last administrator.</summary>
public class StaffAccountsTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_locked_account_is_unlocked_by_an_administrator_and_the_unlock_is_audited()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var email = $"locked-{Guid.NewGuid():N}@test.summit";
        var create = await admin.PostAsJsonAsync("/api/v1/users", new CreateUserRequest(email, "Locked Out", SummitFactory.Password, [Roles.GateOperator], "en"));
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);

        using var anonymous = app.CreateClient();
        HttpResponseMessage attempt = null!;
        for (var i = 0; i < 6; i++)
        {
            attempt = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = "Wrong-Password-1" });
        }

        await attempt.AssertProblemAsync(429, ErrorCodes.LoginLockedOut);
        var locked = await UserAsync(admin, email);
        Assert.True(locked.LockedOut);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/users/{locked.Id}/unlock", null)).StatusCode);
        Assert.False((await UserAsync(admin, email)).LockedOut);
        var login = await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = SummitFactory.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        var trail = await app.AuditTrailAsync("user", locked.Id);
        Assert.Equal("user.unlocked", trail[0].Action);
        Assert.Equal(SummitFactory.EmailOf(Roles.Admin), trail[0].ActorName);
    }

    [Fact]
    public async Task The_last_administrator_keeps_the_Admin_role()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var only = await UserAsync(admin, SummitFactory.EmailOf(Roles.Admin));
        var demote = await admin.PutAsJsonAsync($"/api/v1/users/{only.Id}/roles", new SetRolesRequest([Roles.Secretariat]));
        await demote.AssertProblemAsync(422, ErrorCodes.UserLastAdmin);
        Assert.Equal([Roles.Admin], (await UserAsync(admin, only.Email)).Roles);

        var email = $"second-admin-{Guid.NewGuid():N}@test.summit";
        await admin.PostAsJsonAsync("/api/v1/users", new CreateUserRequest(email, "Second Admin", SummitFactory.Password, [Roles.Admin], "en"));
        var second = await UserAsync(admin, email);
        var demoteSecond = await admin.PutAsJsonAsync($"/api/v1/users/{second.Id}/roles", new SetRolesRequest([Roles.Secretariat, Roles.Reviewer]));
        Assert.Equal(HttpStatusCode.NoContent, demoteSecond.StatusCode);
        Assert.Equal([Roles.Reviewer, Roles.Secretariat], (await UserAsync(admin, email)).Roles.Order());
    }

    private static async Task<UserDto> UserAsync(HttpClient admin, string email) =>
        (await admin.GetFromJsonAsync<List<UserDto>>("/api/v1/users", Intents.Json))!.Single(u => u.Email == email);
}
