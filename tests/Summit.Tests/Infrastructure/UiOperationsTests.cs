using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server;
using Summit.Server.Events;
using Summit.Server.Guests;
using Summit.Server.Guests.Portal;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Tests.Infrastructure;

/// <summary>
/// The UI path's authorization seam: every operation a page runs names its policy, and <see cref="UiOperations"/> checks the
/// circuit's user against it, so a page or component without its own <c>[Authorize]</c> still hands nothing to the wrong role.
/// The expected answers come from <see cref="Policies.RolesFor"/>, as the API's and the pages' do in <see cref="AuthorizationTests"/>.
/// </summary>
public class UiOperationsTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    public static TheoryData<string> AllPolicies => [.. Policies.RolesFor.Keys];

    [Theory]
    [MemberData(nameof(AllPolicies))]
    public async Task A_page_operation_runs_for_exactly_the_roles_of_its_policy(string policy)
    {
        var wrong = new List<string>();
        foreach (var role in Roles.All)
        {
            var ran = false;
            var error = await OperationsAs(await StaffMemberAsync(role)).TryAsync<EventService>(policy, _ =>
            {
                ran = true;
                return Task.CompletedTask;
            });
            var allowed = Policies.RolesFor[policy].Contains(role);
            if (ran != allowed || (error is null) != allowed)
            {
                wrong.Add($"{role}: ran={ran}, refusal={error ?? "none"}, expected {(allowed ? "run" : "refused")}");
            }
        }

        Assert.True(wrong.Count == 0, $"{policy}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_refused_operation_says_why_in_the_readers_language_and_runs_nothing()
    {
        var ran = false;
        var operations = OperationsAs(await StaffMemberAsync(Roles.GateOperator));
        var refusal = await Assert.ThrowsAsync<SummitException>(() => operations.RunAsync<GuestService, int>(Policies.GuestsApprove, _ =>
        {
            ran = true;
            return Task.FromResult(1);
        }));

        Assert.False(ran);
        Assert.Equal(ErrorCodes.AuthForbidden, refusal.Error.Code);
        Assert.Equal(StatusCodes.Status403Forbidden, refusal.Error.HttpStatus);
        Assert.Equal(app.Services.GetRequiredService<Localizer>().Format("error.auth.forbidden", []), operations.Describe(refusal));
    }

    [Fact]
    public async Task Nobody_signed_in_runs_no_staff_operation_even_one_every_role_may_run()
    {
        var ran = false;
        var refusal = await Assert.ThrowsAsync<SummitException>(() => OperationsAs(new ClaimsPrincipal(new ClaimsIdentity()))
            .RunAsync<EventService>(Policies.StaffSignedIn, _ =>
            {
                ran = true;
                return Task.CompletedTask;
            }));

        Assert.False(ran);
        Assert.Equal(ErrorCodes.AuthRequired, refusal.Error.Code);
    }

    [Fact]
    public async Task Only_a_service_that_checks_its_own_token_runs_without_a_staff_member()
    {
        var anonymous = OperationsAs(new ClaimsPrincipal(new ClaimsIdentity()));

        var categories = await anonymous.RunAsync<PortalService, IReadOnlyDictionary<string, Summit.Server.Guests.Domain.AccreditationCategory>>(
            UiOperations.TokenHolder, s => s.CategoriesAsync());
        Assert.NotEmpty(categories);
        // A guest's portal refuses a token it did not issue: the service's own check, which the token-holder seam relies on.
        var wrongToken = await Assert.ThrowsAsync<SummitException>(() =>
            anonymous.RunAsync<PortalService, PortalView>(UiOperations.TokenHolder, s => s.OpenAsync("not-a-real-invitation-token")));
        Assert.StartsWith("invitation.", wrongToken.Error.Code, StringComparison.Ordinal);

        // A staff service asked to run as a token holder is a programming error: it stops before the service is even made.
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            anonymous.RunAsync<GuestService, int>(UiOperations.TokenHolder, _ => Task.FromResult(1)));
    }

    private UiOperations OperationsAs(ClaimsPrincipal user) => new(
        app.Services.GetRequiredService<IServiceScopeFactory>(), new FixedAuthenticationState(user),
        app.Services.GetRequiredService<IAuthorizationService>(), app.Services.GetRequiredService<Localizer>(),
        app.Services.GetRequiredService<IHttpContextAccessor>());

    /// <summary>The principal sign-in gives the test account of a role: the same claims a circuit's user carries.</summary>
    private async Task<ClaimsPrincipal> StaffMemberAsync(string role)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SummitUser>>();
        var user = await users.FindByEmailAsync(SummitFactory.EmailOf(role)) ?? throw new InvalidOperationException(role);
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<SummitUser>>().CreateAsync(user);
    }
}
