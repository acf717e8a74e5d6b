using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Summit.Server.Infrastructure.Identity;

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
