using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Server.Infrastructure.Security;

/// <summary>
/// Headers that limit what a page may do and what it tells others, HSTS and Secure cookies over HTTPS, and the forwarded headers
/// of a TLS-terminating proxy (believed only from the proxies named in Summit:Security:KnownProxies / KnownNetworks, and from
/// the machine itself). docs/operations.md says how to set a proxy up; docs/security.md what each header is for.
/// </summary>
public static class TransportSecurity
{
    /// <summary>
    /// Scripts only from Summit itself (Blazor, MudBlazor, the gate console and its QR decoder are files served by Summit; none is
    /// inline and none evaluates strings). MudBlazor sets style attributes and the theme's style element, hence inline styles. The
    /// API reference page adds the nonce of its one inline script.
    /// </summary>
    public static string ContentSecurityPolicy(string? scriptNonce) =>
        "default-src 'self'; "
        + (scriptNonce is null ? "script-src 'self'; " : $"script-src 'self' 'nonce-{scriptNonce}'; ")
        + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; "
        + "media-src 'self' blob: mediastream:; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
        + "frame-ancestors 'none'";

    public static IServiceCollection AddSummitTransportSecurity(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((o, security) =>
        {
            var settings = security.Value;
            // X-Forwarded-For and -Proto only: the host name stays the one the proxy asked for.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            foreach (var proxy in settings.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)))
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            }

            foreach (var network in settings.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            }
        });
        services.AddOptions<HstsOptions>().Configure<IOptions<SecurityOptions>>((o, security) =>
        {
            o.MaxAge = security.Value.HstsMaxAge;
            o.IncludeSubDomains = false;
        });
        // Every cookie Summit sets (sign-in, antiforgery, language, trusted device) is Secure when the request came over HTTPS.
        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
        return services;
    }

    /// <summary>First in the pipeline: the proxy's view of the client and scheme, then the headers on every response.</summary>
    public static IApplicationBuilder UseSummitTransportSecurity(this IApplicationBuilder app, bool development)
    {
        app.UseForwardedHeaders();
        if (!development)
        {
            app.UseHsts();
        }

        app.UseCookiePolicy();
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(context.Items[Scalar.AspNetCore.ScalarOptions.NonceHttpContextItemKey] as string);
                headers.XContentTypeOptions = "nosniff";
                // Portal links carry the invitation's secret in their path: no other site may learn them from a Referer.
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
