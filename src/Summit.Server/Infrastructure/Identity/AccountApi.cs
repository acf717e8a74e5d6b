using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Errors;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Infrastructure.Identity;

public sealed record LoginRequest(string Email, string Password, string? TwoFactorCode);

public sealed record TwoFactorSetup(string SharedKey, string AuthenticatorUri);

public sealed record TwoFactorEnableRequest(string Code);

public sealed record CreateUserRequest(string Email, string DisplayName, string Password, IReadOnlyList<string> Roles, string? Language);

public sealed record SetRolesRequest(IReadOnlyList<string> Roles);

public sealed record UserDto(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool TwoFactorEnabled, bool LockedOut);

/// <summary>Sign-in for API clients (bearer) and browsers (cookie form post), two-factor set-up, and staff management.</summary>
public static class AccountApi
{
    public const string TwoFactorClaim = "summit:2fa";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Accounts");

        auth.MapPost("/login", async (LoginRequest request, SignInManager<SummitUser> signIn, Localizer localizer, AuditLog audit, SummitDbContext db) =>
            {
                signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
                var error = await SignInAsync(signIn, request.Email, request.Password, request.TwoFactorCode);
                if (error is not null)
                {
                    return (IResult)ProblemResults.From(error, localizer);
                }

                // SignInAsync has written the bearer token response.
                return Results.Empty;
            })
            .AllowAnonymous().WithSummary("Sign in; answers a bearer token (access and refresh)");

        auth.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new
        {
            id = user.FindFirstValue(ClaimTypes.NameIdentifier),
            email = user.Identity?.Name,
            roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray(),
            twoFactor = user.HasClaim(TwoFactorClaim, "true"),
        }))
            .RequireAuthorization(Policies.StaffSignedIn).WithSummary("Who am I");

        auth.MapPost("/two-factor/setup", async (ClaimsPrincipal principal, UserManager<SummitUser> users) =>
            {
                var user = await users.GetUserAsync(principal) ?? throw new SummitException(SummitError.NotFound("user.not_found"));
                return TypedResults.Ok(await TwoFactorSetupAsync(users, user));
            })
            .RequireAuthorization(Policies.StaffSignedIn).WithSummary("Get the authenticator key to scan (TOTP, RFC 6238)");

        auth.MapPost("/two-factor/enable", async (TwoFactorEnableRequest request, ClaimsPrincipal principal, UserManager<SummitUser> users,
                AuditLog audit, SummitDbContext db, Localizer localizer) =>
            {
                var user = await users.GetUserAsync(principal) ?? throw new SummitException(SummitError.NotFound("user.not_found"));
                var error = await EnableTwoFactorAsync(users, audit, db, user, request.Code);
                return error is null ? Results.NoContent() : ProblemResults.From(error, localizer);
            })
            .RequireAuthorization(Policies.StaffSignedIn).WithSummary("Turn on two-factor sign-in with a code from the authenticator");

        // Browser form posts (the login and 2FA pages are static forms, because a sign-in must set a cookie).
        app.MapPost("/account/login", async ([FromForm] string email, [FromForm] string password, [FromForm] string? code,
                [FromForm] string? returnUrl, SignInManager<SummitUser> signIn) =>
            {
                signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
                var error = await SignInAsync(signIn, email, password, code);
                var safeReturn = IsLocal(returnUrl) ? returnUrl! : "/";
                return error is null
                    ? Results.LocalRedirect(safeReturn)
                    : Results.Redirect($"/login?error={Uri.EscapeDataString(error.Code)}&email={Uri.EscapeDataString(email)}&returnUrl={Uri.EscapeDataString(safeReturn)}");
            })
            .AllowAnonymous().ExcludeFromDescription();

        app.MapPost("/account/logout", async (SignInManager<SummitUser> signIn) =>
            {
                await signIn.SignOutAsync();
                return Results.LocalRedirect("/login");
            })
            .RequireAuthorization(Policies.StaffSignedIn).ExcludeFromDescription();

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
            .RequireAuthorization(Policies.StaffSignedIn).ExcludeFromDescription();

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
            .WithSummary("Lift the lockout of an account after too many failed sign-ins");

        return app;
    }

    public static async Task<TwoFactorSetup> TwoFactorSetupAsync(UserManager<SummitUser> users, SummitUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var uri = $"otpauth://totp/Summit:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Summit&digits=6";
        return new TwoFactorSetup(key!, uri);
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

    private static async Task<SummitError?> SignInAsync(SignInManager<SummitUser> signIn, string email, string password, string? code)
    {
        var result = await signIn.PasswordSignInAsync(email ?? "", password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                return SummitError.Of(ErrorCodes.LoginTwoFactorRequired) with { HttpStatus = StatusCodes.Status401Unauthorized };
            }

            result = await signIn.TwoFactorAuthenticatorSignInAsync(new string(code.Where(char.IsDigit).ToArray()), false, false);
            if (!result.Succeeded && !result.IsLockedOut)
            {
                return SummitError.Of(ErrorCodes.LoginTwoFactorInvalid) with { HttpStatus = StatusCodes.Status401Unauthorized };
            }
        }

        if (result.IsLockedOut)
        {
            return SummitError.Of(ErrorCodes.LoginLockedOut) with { HttpStatus = StatusCodes.Status423Locked };
        }

        return result.Succeeded ? null : SummitError.Of(ErrorCodes.LoginFailed) with { HttpStatus = StatusCodes.Status401Unauthorized };
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}

/// <summary>Puts the two-factor state into the sign-in cookie, so the admin check needs no database read.</summary>
public sealed class SummitClaimsFactory(UserManager<SummitUser> users, RoleManager<IdentityRole> roles, Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<SummitUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(SummitUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccountApi.TwoFactorClaim, user.TwoFactorEnabled ? "true" : "false"));
        identity.AddClaim(new Claim("summit:name", user.DisplayName));
        return identity;
    }
}
