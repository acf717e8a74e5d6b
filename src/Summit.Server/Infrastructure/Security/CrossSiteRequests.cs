using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Summit.Server.Infrastructure.Errors;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Infrastructure.Security;

/// <summary>
/// Keeps other sites from acting with a signed-in browser's cookie. The browser sends the sign-in cookie with any request, even
/// one another site's page makes it send; so:
/// <list type="bullet">
/// <item>the API changes nothing for a cookie: a POST, PUT, PATCH or DELETE to an /api endpoint that needs a sign-in must carry a
/// bearer token (the UI does not call the API to change things: its pages call the services; it only reads files and images);</item>
/// <item>the browser's own form posts (sign-in, two-factor, sign-out) need the form's antiforgery token.</item>
/// </list>
/// </summary>
public static class CrossSiteRequests
{
    public static IApplicationBuilder UseApiChangesNeedBearer(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && !IsSafe(request.Method) && context.User.Identity?.IsAuthenticated == true
                && IdentitySetup.SchemeFor(request) == IdentityConstants.ApplicationScheme
                && context.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
            {
                context.Response.Headers.WWWAuthenticate = "Bearer";
                var localizer = context.RequestServices.GetRequiredService<Localizer>();
                await ProblemResults.From(new SummitError(ErrorCodes.CookieNotAccepted, [], StatusCodes.Status401Unauthorized), localizer).ExecuteAsync(context);
                return;
            }

            await next(context);
        });

    /// <summary>Refuses the endpoint's request unless it carries a valid antiforgery token (form field or header).</summary>
    public static RouteHandlerBuilder RequireAntiforgeryToken(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            if (!await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                var localizer = context.RequestServices.GetRequiredService<Localizer>();
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    return ProblemResults.From(new SummitError(ErrorCodes.AntiforgeryInvalid, [], StatusCodes.Status400BadRequest), localizer);
                }

                await ErrorPages.WriteAsync(context, StatusCodes.Status400BadRequest, localizer[$"error.{ErrorCodes.AntiforgeryInvalid}"]);
                return Results.Empty;
            }

            return await next(invocation);
        });

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);
}
