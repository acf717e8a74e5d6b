using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Errors;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Security;

namespace Summit.Server.Infrastructure.Identity;

/// <summary>Sign-in for API clients (bearer) and browsers (cookie form post), two-factor set-up, and staff management.</summary>
public static class AccountApi
{
    public const string TwoFactorClaim = "summit:2fa";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Accounts");

        auth.MapPost("/login", async (LoginRequest request, StaffSignIn signIn, Localizer localizer) =>
            {
                var error = await signIn.SignInAsync(IdentityConstants.BearerScheme, request.Email, request.Password, request.TwoFactorCode);
                // Signed in, the bearer scheme has written the token response.
                return error is null ? Results.Empty : ProblemResults.From(error, localizer);
            })
            .AllowAnonymous().RequireSummitRateLimit(RateLimitFamily.SignIn)
            .WithSummary("Sign in; answers a bearer token (access and refresh)");

        auth.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new
        {
            id = user.FindFirstValue(ClaimTypes.NameIdentifier),
            email = user.Identity?.Name,
            roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray(),
            twoFactor = user.HasClaim(TwoFactorClaim, "true"),
        }))
            .RequireAuthorization(Policies.OwnAccount).WithSummary("Who am I (answers 401 auth.session_ended once the session was ended)");

        auth.MapPost("/two-factor/setup", async (ClaimsPrincipal principal, UserManager<SummitUser> users, IUserStore<SummitUser> store) =>
            {
                var user = await users.GetUserAsync(principal) ?? throw new SummitException(SummitError.NotFound("user.not_found"));
                return TypedResults.Ok(await TwoFactorSetupAsync(users, store, user));
            })
            .RequireAuthorization(Policies.OwnAccount).RequireSummitRateLimit(RateLimitFamily.SignIn).WithSummary("Get the authenticator key to scan (TOTP, RFC 6238)");

        auth.MapPost("/two-factor/enable", async (TwoFactorEnableRequest request, ClaimsPrincipal principal, UserManager<SummitUser> users,
                AuditLog audit, SummitDbContext db, Localizer localizer) =>
            {
                var user = await users.GetUserAsync(principal) ?? throw new SummitException(SummitError.NotFound("user.not_found"));
                var error = await EnableTwoFactorAsync(users, audit, db, user, request.Code);
                return error is null ? Results.NoContent() : ProblemResults.From(error, localizer);
            })
            .RequireAuthorization(Policies.OwnAccount).RequireSummitRateLimit(RateLimitFamily.SignIn).WithSummary("Turn on two-factor sign-in with a code from the authenticator");

        // Browser form posts (the login and 2FA pages are static forms, because a sign-in must set a cookie).
        app.MapPost("/account/login", async ([FromForm] string email, [FromForm] string password, [FromForm] string? code,
                [FromForm] string? returnUrl, StaffSignIn signIn) =>
            {
                var error = await signIn.SignInAsync(IdentityConstants.ApplicationScheme, email, password, code);
                var safeReturn = LocalUrl.IsLocal(returnUrl) ? returnUrl! : "/";
                return error is null
                    ? Results.LocalRedirect(safeReturn)
                    : Results.Redirect(LoginPageWithError(error, email, safeReturn));
            })
            .AllowAnonymous().RequireSummitRateLimit(RateLimitFamily.SignIn).ExcludeFromDescription();

        // A sign-out is a change too: it needs the form's antiforgery token, so that another site cannot sign a user out.
        app.MapPost("/account/logout", async (SignInManager<SummitUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return Results.LocalRedirect("/login");
            })
            .RequireAuthorization(Policies.OwnAccount).RequireAntiforgeryToken().ExcludeFromDescription();

        app.MapPost("/account/two-factor", async ([FromForm] string code, ClaimsPrincipal principal, UserManager<SummitUser> users,
                SignInManager<SummitUser> signIn, AuditLog audit, SummitDbContext db) =>
            {
                var user = await users.GetUserAsync(principal) ?? throw new SummitException(SummitError.NotFound("user.not_found"));
                var error = await EnableTwoFactorAsync(users, audit, db, user, code);
                if (error is not null)
                {
                    return Results.Redirect($"/account/two-factor?error={Uri.EscapeDataString(error.Code)}");
                }

                await signIn.RefreshSignInAsync(user);
                return Results.LocalRedirect("/");
            })
            .RequireAuthorization(Policies.OwnAccount).RequireSummitRateLimit(RateLimitFamily.SignIn).ExcludeFromDescription();

        var users = api.MapGroup("/users").WithTags("Accounts").RequireAuthorization(Policies.UsersManage);

        users.MapGet("/", async (StaffAccounts accounts) => TypedResults.Ok(await accounts.ListAsync()))
            .WithSummary("Staff accounts with their roles");

        users.MapPost("/", async (CreateUserRequest request, StaffAccounts accounts) =>
            {
                var user = await accounts.CreateAsync(request.Email, request.DisplayName, request.Password, request.Roles, request.Language ?? "en");
                return TypedResults.Created($"/api/v1/users/{user.Id}", new { user.Id });
            })
            .WithSummary("Create a staff account");

        users.MapPut("/{id}/roles", async (string id, SetRolesRequest request, StaffAccounts accounts) =>
            {
                await accounts.SetRolesAsync(id, request.Roles);
                return TypedResults.NoContent();
            })
            .WithSummary("Replace a staff account's roles");

        users.MapPost("/{id}/unlock", async (string id, StaffAccounts accounts) =>
            {
                await accounts.UnlockAsync(id);
                return TypedResults.NoContent();
            })
            .WithSummary("Let every source that waits after failed sign-ins try the account again");

        users.MapPost("/{id}/disable", async (string id, StaffAccounts accounts) =>
            {
                await accounts.DisableAsync(id);
                return TypedResults.NoContent();
            })
            .WithSummary("Disable an account: every sign-in is refused and its sessions end at once (not the last active administrator)");

        users.MapPost("/{id}/enable", async (string id, StaffAccounts accounts) =>
            {
                await accounts.EnableAsync(id);
                return TypedResults.NoContent();
            })
            .WithSummary("Re-enable a disabled account");

        users.MapPut("/{id}/password", async (string id, SetPasswordRequest request, StaffAccounts accounts) =>
            {
                await accounts.SetPasswordAsync(id, request.Password);
                return TypedResults.NoContent();
            })
            .WithSummary("Set a new password for an account (at least 12 characters, not a common one); its sessions end at once");

        return app;
    }

    public static async Task<TwoFactorSetup> TwoFactorSetupAsync(UserManager<SummitUser> users, IUserStore<SummitUser> store, SummitUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A first key, set without ResetAuthenticatorKeyAsync: that changes the security stamp, which would end the very
            // session that is setting two-factor up (there is no earlier key whose sessions should end).
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<SummitUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            await users.UpdateAsync(user);
        }

        var uri = $"otpauth://totp/Summit:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Summit&digits=6";
        return new TwoFactorSetup(key, uri);
    }

    private static async Task<SummitError?> EnableTwoFactorAsync(UserManager<SummitUser> users, AuditLog audit, SummitDbContext db, SummitUser user, string code)
    {
        var compact = new string((code ?? "").Where(char.IsDigit).ToArray());
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, compact))
        {
            return SummitError.Of(ErrorCodes.LoginTwoFactorInvalid);
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await audit.RecordAsync(AuditActions.UserTwoFactorEnabled, "user", user.Id);
        await db.SaveChangesAsync();
        return null;
    }

    private static string LoginPageWithError(SummitError error, string email, string returnUrl)
    {
        var page = $"/login?error={Uri.EscapeDataString(error.Code)}&email={Uri.EscapeDataString(email)}&returnUrl={Uri.EscapeDataString(returnUrl)}";
        return error.Args is [int seconds] ? page + "&wait=" + seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) : page;
    }
}
