using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Infrastructure.Errors;

/// <summary>Maps a reason to an RFC 9457 problem response carrying the stable code and the localized message.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult From(SummitError error, Localizer localizer, object? details = null, string? detail = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (details is not null)
        {
            extensions["details"] = details;
        }

        return TypedResults.Problem(
            title: error.Message(localizer),
            detail: detail,
            statusCode: error.HttpStatus,
            type: "https://summit.local/problems/" + error.Code,
            extensions: extensions);
    }

    /// <summary>
    /// Every refusal of the API is a problem with a code: a <see cref="SummitException"/> from a handler; a request the framework
    /// could not read (malformed JSON, a body over its limit, a wrong content type); and any status the framework answers without
    /// a body (401, 403, 404, 405...). A body announced larger than the endpoint's limit is refused before any of it is read.
    /// </summary>
    public static IApplicationBuilder UseSummitProblems(this IApplicationBuilder app)
    {
        app.UseWhen(IsApi, api => api.UseStatusCodePages(context => WriteAsync(context.HttpContext, ForBareStatus(context.HttpContext))));
        return app.Use(async (context, next) =>
        {
            if (IsApi(context) && RequestLimits.LimitOf(context) is { } metadata && RequestLimits.AllowedBytes(metadata) is { } allowed
                && context.Request.ContentLength > allowed)
            {
                await RequestLimits.DrainAsync(context, allowed);
                await WriteAsync(context, RequestLimits.TooLarge(metadata, StatusCodes.Status413PayloadTooLarge));
                return;
            }

            var original = IsApi(context) && RequestLimits.LimitOf(context) is UploadLimit upload ? RequestLimits.LimitUploadBody(context, upload) : null;
            try
            {
                await next(context);
            }
            catch (UploadTooLargeException) when (!context.Response.HasStarted && original is not null)
            {
                // Read past the allowed size: the rest is read from the server's own body, up to its cap, and dropped.
                context.Request.Body = original;
                var limit = RequestLimits.LimitOf(context);
                await RequestLimits.DrainAsync(context, RequestLimits.AllowedBytes(limit)!.Value);
                await WriteAsync(context, RequestLimits.TooLarge(limit, StatusCodes.Status413PayloadTooLarge));
            }
            catch (SummitException ex) when (!context.Response.HasStarted && IsApi(context))
            {
                var localizer = context.RequestServices.GetRequiredService<Localizer>();
                await From(ex.Error, localizer, ex.Details).ExecuteAsync(context);
            }
            catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
            {
                // Thrown by an endpoint's binding (RouteHandlerOptions.ThrowOnBadRequest) or by the server while reading the body. Outside
                // the API (the sign-in form) the answer stays the framework's bare status, as before binding failures threw.
                if (!IsApi(context))
                {
                    context.Response.StatusCode = ex.StatusCode;
                    return;
                }

                var localizer = context.RequestServices.GetRequiredService<Localizer>();
                await From(ForUnreadable(context, ex), localizer, detail: ex.InnerException is JsonException ? null : ex.Message).ExecuteAsync(context);
            }
        });
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static SummitError ForUnreadable(HttpContext context, BadHttpRequestException ex) => ex switch
    {
        { StatusCode: StatusCodes.Status413PayloadTooLarge } => RequestLimits.TooLarge(RequestLimits.LimitOf(context), ex.StatusCode),
        { InnerException: JsonException json } => new SummitError(ErrorCodes.RequestJsonInvalid, [(json.LineNumber ?? 0) + 1, (json.BytePositionInLine ?? 0) + 1],
            StatusCodes.Status400BadRequest),
        { StatusCode: StatusCodes.Status415UnsupportedMediaType } => new SummitError(ErrorCodes.RequestUnsupportedMediaType,
            [context.Request.ContentType ?? "-"], ex.StatusCode),
        _ => new SummitError(ErrorCodes.RequestUnreadable, [], ex.StatusCode),
    };

    /// <summary>The refusal of a response that has a status and no body (the framework's own: routing, body reading, Kestrel limits).</summary>
    internal static SummitError ForBareStatus(HttpContext context)
    {
        var status = context.Response.StatusCode;
        return status switch
        {
            StatusCodes.Status400BadRequest => new SummitError(ErrorCodes.RequestUnreadable, [], status),
            StatusCodes.Status401Unauthorized => new SummitError(ErrorCodes.AuthRequired, [], status),
            StatusCodes.Status403Forbidden => new SummitError(ErrorCodes.AuthForbidden, [], status),
            StatusCodes.Status404NotFound => new SummitError(ErrorCodes.RequestNotFound, [], status),
            StatusCodes.Status405MethodNotAllowed => new SummitError(ErrorCodes.RequestMethodNotAllowed, [context.Request.Method], status),
            StatusCodes.Status413PayloadTooLarge => RequestLimits.TooLarge(RequestLimits.LimitOf(context), status),
            StatusCodes.Status415UnsupportedMediaType => new SummitError(ErrorCodes.RequestUnsupportedMediaType, [context.Request.ContentType ?? "-"], status),
            _ => new SummitError(ErrorCodes.RequestFailed, [status], status),
        };
    }

    private static Task WriteAsync(HttpContext context, SummitError error) =>
        From(error, context.RequestServices.GetRequiredService<Localizer>()).ExecuteAsync(context);
}
