using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Summit.Server.Infrastructure.Identity;

/// <summary>
/// A staff session (a sign-in cookie or a bearer token) stands only while its security stamp is the account's: changing the roles,
/// setting a new password or disabling the account changes the stamp, and every session issued before ends at once. Checked on
/// every request that carries one, and every few seconds in an open Blazor circuit.
/// </summary>
public static class StaffSessions
{
    /// <summary>Set on a request whose session was ended, so that its 401 says why.</summary>
    public const string SessionEndedItem = "summit:session-ended";

    public static IServiceCollection AddStaffSessions(this IServiceCollection services) =>
        services.AddScoped<AuthenticationStateProvider, StaffSessionRevalidator>();

    /// <summary>True when the principal's account exists, is not disabled and still has the security stamp the session was issued with.</summary>
    public static async Task<bool> StandsAsync(UserManager<SummitUser> users, ClaimsPrincipal principal)
    {
        var id = users.GetUserId(principal);
        var stamp = principal.FindFirstValue(users.Options.ClaimsIdentity.SecurityStampClaimType);
        if (id is null || stamp is null)
        {
            return false;
        }

        var user = await users.FindByIdAsync(id);
        return user is not null && !StaffAccounts.IsDisabled(user) && string.Equals(stamp, await users.GetSecurityStampAsync(user), StringComparison.Ordinal);
    }

    /// <summary>After authentication: a staff principal whose session no longer stands becomes anonymous, and its cookie is removed.</summary>
    public static IApplicationBuilder UseStaffSessionValidation(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var principal = context.User;
            if (principal.Identity?.IsAuthenticated == true && !principal.HasClaim(c => c.Type == DeviceAuthentication.DeviceClaim)
                && !await StandsAsync(context.RequestServices.GetRequiredService<UserManager<SummitUser>>(), principal))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
                context.Items[SessionEndedItem] = true;
                if (IdentitySetup.SchemeFor(context.Request) == IdentityConstants.ApplicationScheme)
                {
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            }

            await next(context);
        });
}
