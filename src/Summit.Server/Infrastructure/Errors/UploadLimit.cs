using Microsoft.AspNetCore.Http.Metadata;

namespace Summit.Server.Infrastructure.Errors;

/// <summary>
/// An upload endpoint's file limit. The request may carry the file plus an envelope (the multipart framing and the form's other
/// fields); a file over the limit inside the envelope is refused by the handler, a request beyond it while it is read, both with
/// the same reason code and message, so that the caller meets one limit whichever side notices.
/// </summary>
public sealed class UploadLimit(long maxFileBytes, string code) : IRequestSizeLimitMetadata
{
    public const long Envelope = 256 * 1024;

    public long MaxFileBytes { get; } = maxFileBytes;

    public string Code { get; } = code;

    public long MaxUploadRequestBytes => MaxFileBytes + Envelope;

    /// <summary>
    /// The server's own cap: twice the request allowed, so that a moderately oversized upload can be read to its end and answered.
    /// The allowed size is enforced by <see cref="RequestLimits.LimitUploadBody"/> as the body is read.
    /// </summary>
    public long? MaxRequestBodySize => 2 * MaxUploadRequestBytes;
}
