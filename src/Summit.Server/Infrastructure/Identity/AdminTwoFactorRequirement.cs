using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Summit.Server.Infrastructure.Identity;

/// <summary>
/// Administrators must have two-factor sign-in before they use anything (when Summit:Security:RequireAdminTwoFactor is on).
/// It is a requirement of every policy but <see cref="Policies.OwnAccount"/>, so it holds on every endpoint and page that
/// needs a sign-in, whatever its path, and in a Blazor circuit's own navigation; what needs no sign-in needs no second factor.
/// </summary>
public sealed class AdminTwoFactorRequirement : IAuthorizationRequirement
{
    public static readonly AdminTwoFactorRequirement Instance = new();

    private AdminTwoFactorRequirement()
    {
    }

    public static bool IsMissing(ClaimsPrincipal user, SecurityOptions options) =>
        options.RequireAdminTwoFactor && user.IsInRole(Roles.Admin) && !user.HasClaim(AccountApi.TwoFactorClaim, "true");
}
