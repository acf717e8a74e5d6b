using Microsoft.AspNetCore.Http.HttpResults;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Infrastructure.Errors;

/// <summary>Maps a reason to an RFC 9457 problem response carrying the stable code and the localized message.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult From(SummitError error, Localizer localizer, object? details = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (details is not null)
        {
            extensions["details"] = details;
        }

        return TypedResults.Problem(
            title: error.Message(localizer),
            statusCode: error.HttpStatus,
            type: "https://summit.local/problems/" + error.Code,
            extensions: extensions);
    }

    /// <summary>Turns a <see cref="SummitException"/> thrown by any API handler into a problem response.</summary>
    public static IApplicationBuilder UseSummitProblems(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (SummitException ex) when (!context.Response.HasStarted && context.Request.Path.StartsWithSegments("/api"))
            {
                var localizer = context.RequestServices.GetRequiredService<Localizer>();
                await From(ex.Error, localizer, ex.Details).ExecuteAsync(context);
            }
        });
}
