using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Summit.Server.Infrastructure.Errors;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Infrastructure.Identity;

/// <summary>
/// What a refused request is told. An API caller gets a problem with a stable code instead of a bare 401 or 403 (sign in, sign in
/// again because the session was ended, not allowed, two-factor first); a browser is sent to the sign-in, access-denied or
/// two-factor page.
/// </summary>
internal sealed class SummitAuthorizationResultHandler(Localizer localizer) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var api = context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<AdminTwoFactorRequirement>().Any() == true)
        {
            if (api)
            {
                await ProblemResults.From(new SummitError(ErrorCodes.TwoFactorSetupRequired, [], StatusCodes.Status403Forbidden), localizer).ExecuteAsync(context);
            }
            else
            {
                context.Response.Redirect("/account/two-factor");
            }

            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
        if (api && !context.Response.HasStarted && (authorizeResult.Challenged || authorizeResult.Forbidden))
        {
            var code = authorizeResult.Forbidden ? ErrorCodes.AuthForbidden
                : context.Items.ContainsKey(StaffSessions.SessionEndedItem) ? ErrorCodes.SessionEnded
                : ErrorCodes.AuthRequired;
            await ProblemResults.From(new SummitError(code, [], context.Response.StatusCode), localizer).ExecuteAsync(context);
        }
    }
}
