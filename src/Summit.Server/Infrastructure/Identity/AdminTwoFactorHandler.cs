using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Summit.Server.Infrastructure.Identity;

internal sealed class AdminTwoFactorHandler(IOptions<SecurityOptions> options) : AuthorizationHandler<AdminTwoFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, AdminTwoFactorRequirement requirement)
    {
        if (!AdminTwoFactorRequirement.IsMissing(context.User, options.Value))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
