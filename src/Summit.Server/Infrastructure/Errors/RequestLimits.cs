using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Summit.Server.Infrastructure.Errors;

/// <summary>
/// How large a request body the API reads. Every endpoint under /api takes at most <see cref="JsonBodyBytes"/>; an upload endpoint
/// states its own file limit with <see cref="UploadLimit"/>. A body announced larger than the endpoint allows is refused before it
/// is used: read to its end without being kept when it is at most twice the limit (so that a caller that sends its whole body
/// before reading the answer, as browsers do, sees the refusal rather than a broken connection), answered at once otherwise.
/// </summary>
public static class RequestLimits
{
    /// <summary>Room for the largest JSON body Summit takes: a gate's upload of 1,000 scans is about 650 KB.</summary>
    public const long JsonBodyBytes = 1024 * 1024;

    /// <summary>The limit every API endpoint has unless it states its own.</summary>
    public static RouteGroupBuilder WithJsonBodyLimit(this RouteGroupBuilder api) => api.WithMetadata(new BodyLimit(JsonBodyBytes));

    /// <summary>The largest file the endpoint takes, and the reason code a larger one is refused with (its message names the limit in MB).</summary>
    public static RouteHandlerBuilder WithUploadLimit(this RouteHandlerBuilder endpoint, long maxFileBytes, string code) =>
        endpoint.WithMetadata(new UploadLimit(maxFileBytes, code));

    /// <summary>The body limit of the request's endpoint, the last one stated (an endpoint's own overrides its group's).</summary>
    public static IRequestSizeLimitMetadata? LimitOf(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();

    /// <summary>The most a request to the endpoint may carry (the server's own cap may be higher, to read an oversized body to its end).</summary>
    public static long? AllowedBytes(IRequestSizeLimitMetadata? limit) => limit is UploadLimit upload ? upload.MaxUploadRequestBytes : limit?.MaxRequestBodySize;

    /// <summary>What a body over the limit is refused with: the upload's own reason, or the API's.</summary>
    public static SummitError TooLarge(IRequestSizeLimitMetadata? limit, int status) => limit switch
    {
        UploadLimit upload => new SummitError(upload.Code, [upload.MaxFileBytes / (1024 * 1024)], status),
        { MaxRequestBodySize: { } bytes } => new SummitError(ErrorCodes.RequestTooLarge, [bytes / 1024], status),
        _ => new SummitError(ErrorCodes.RequestTooLarge, [JsonBodyBytes / 1024], status),
    };

    /// <summary>
    /// Reads and drops the rest of a body refused for its size, when it is announced at most twice the limit and the caller did
    /// not ask to hear first (Expect: 100-continue, which curl sends for large uploads: it then sends nothing). Never throws: a body
    /// that passes the server's cap, or a caller that goes away, only ends the reading.
    /// </summary>
    public static async Task DrainAsync(HttpContext context, long allowed)
    {
        var announced = context.Request.ContentLength;
        if (context.Request.Headers.Expect.Count > 0 || announced > 2 * allowed)
        {
            return;
        }

        if (announced is { } length && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = length;
        }

        try
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // Past the server's cap, or the caller is gone: the answer is written all the same.
        }
    }

    /// <summary>Makes an upload's body stop at the endpoint's allowed size as it is read; returns the body as the server gave it.</summary>
    public static Stream LimitUploadBody(HttpContext context, UploadLimit upload)
    {
        var original = context.Request.Body;
        context.Request.Body = new LimitedBodyStream(original, upload.MaxUploadRequestBytes);
        return original;
    }

    private sealed record BodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
