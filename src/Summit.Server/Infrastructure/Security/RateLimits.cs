using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Summit.Server.Infrastructure.Errors;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Infrastructure.Security;

/// <summary>
/// ASP.NET Core rate limiting for the endpoints an outsider can reach without an account: sliding one-minute windows per source
/// address for each family, and per invitation link for the portal. A refusal is a 429 with Retry-After and the problem
/// <c>rate_limited</c> (a browser's sign-in form goes back to the sign-in page with the same message).
/// </summary>
public static class RateLimits
{
    public static TBuilder RequireSummitRateLimit<TBuilder>(this TBuilder builder, string family) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SummitRateLimitAttribute(family));

    public static IServiceCollection AddSummitRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SecurityOptions>>((options, security) =>
        {
            var settings = security.Value;
            var perAddress = PartitionedRateLimiter.Create<HttpContext, (string Family, string Source)>(context =>
                FamilyOf(context) is { } family
                    ? RateLimitPartition.GetSlidingWindowLimiter((family, SourceAddress.Of(context)),
                        _ => PerMinute(family == RateLimitFamily.SignIn ? settings.SignInRequestsPerMinute : settings.PortalRequestsPerMinute))
                    : RateLimitPartition.GetNoLimiter<(string, string)>(default));
            var perInvitation = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                FamilyOf(context) == RateLimitFamily.Portal && context.Request.RouteValues["token"] is string { Length: > 0 } token
                    ? RateLimitPartition.GetSlidingWindowLimiter(Tokens.Hash(token), _ => PerMinute(settings.PortalRequestsPerInvitationPerMinute))
                    : RateLimitPartition.GetNoLimiter(""));
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(perAddress, perInvitation);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (rejected, _) => RefuseAsync(rejected.HttpContext,
                rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1));
        });
        return services;
    }

    private static string? FamilyOf(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<SummitRateLimitAttribute>()?.Family;

    private static SlidingWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromMinutes(1),
        SegmentsPerWindow = 6,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RefuseAsync(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var error = new SummitError(ErrorCodes.RateLimited, [seconds], StatusCodes.Status429TooManyRequests);
        var localizer = context.RequestServices.GetRequiredService<Localizer>();
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await ProblemResults.From(error, localizer).ExecuteAsync(context);
        }
        else if (path.StartsWithSegments("/account/login", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect($"/login?error={ErrorCodes.RateLimited}&wait={seconds}");
        }
        else if (path.StartsWithSegments("/account/two-factor", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect($"/account/two-factor?error={ErrorCodes.RateLimited}&wait={seconds}");
        }
        else
        {
            await ErrorPages.WriteAsync(context, StatusCodes.Status429TooManyRequests, error.Message(localizer));
        }
    }
}
