using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;
using Summit.Server.Events.Contracts;
using Summit.Server.Programme.Releases;

namespace Summit.Server.Programme.Public;

/// <summary>
/// The public programme's pages as rendered, kept per address (path and query), language and release: rendering a day's sessions with
/// their people costs a page about 7.6 ms of the machine, and fifty readers at once waited for each other's pages (docs/benchmarks.md,
/// public programme). Every request still asks the database which release is the latest, so a new release shows at once on every server
/// process. A kept page lives until the end of its period of <see cref="PublishedProgrammeCache.PeopleFor"/> (30 s) and the names it
/// shows were read at most that long before it was rendered, so a corrected card or an erased guest leaves the pages within a minute
/// (the JSON API within half of one). Anyone signed in, and any answer that sets a cookie or is not a 200, is neither served from nor kept in the cache.
/// </summary>
public sealed class PublicPageCachePolicy : IOutputCachePolicy
{
    public const string Name = "public-programme";

    /// <summary>The name ASP.NET Core gives its antiforgery cookie (followed by a per-application suffix).</summary>
    private const string AntiforgeryCookiePrefix = ".AspNetCore.Antiforgery.";

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);
        cacheable &= !http.Request.Headers.ContainsKey(HeaderNames.Authorization) && http.User.Identity?.IsAuthenticated != true;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable)
        {
            return;
        }

        var release = await ReleaseKeyAsync(http.RequestServices, cancellation);
        if (release is null)
        {
            // No event yet: the page says so, uncached.
            context.AllowCacheLookup = context.AllowCacheStorage = false;
            return;
        }

        // Pages are kept per period of PeopleFor on the server's clock and expire with it, so a page is never kept beyond its period.
        var period = PublishedProgrammeCache.PeopleFor.Ticks;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcTicks;
        context.ResponseExpirationTimeSpan = TimeSpan.FromTicks(period - now % period);
        http.Response.OnStarting(LeaveOutAntiforgeryCookie, http.Response);
        context.CacheVaryByRules.VaryByValues["period"] = (now / period).ToString(CultureInfo.InvariantCulture);
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["language"] = CultureInfo.CurrentUICulture.Name;
        context.CacheVaryByRules.VaryByValues["release"] = release;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Blazor writes its antiforgery cookie (and no-store) with every page it renders, though these pages post no form: a page that may be
    /// kept must not hand one reader's cookie to the next, so it is left out just before the headers go (a page with a form, the sign-in
    /// page, sets its own). Any other cookie stays, and keeps the answer out of the cache.
    /// </summary>
    private static Task LeaveOutAntiforgeryCookie(object state)
    {
        var headers = ((HttpResponse)state).Headers;
        var cookies = headers.SetCookie;
        if (cookies.Count > 0 && cookies.All(c => c is not null && c.StartsWith(AntiforgeryCookiePrefix, StringComparison.Ordinal)))
        {
            headers.Remove(HeaderNames.SetCookie);
            headers.Remove(HeaderNames.Pragma);
            headers.CacheControl = "no-cache";
        }

        return Task.CompletedTask;
    }

    /// <summary>The current event and its latest release ("none" before the first), null without an event: two small reads, where a page read many.</summary>
    private static async Task<string?> ReleaseKeyAsync(IServiceProvider services, CancellationToken ct)
    {
        EventClock clock;
        try
        {
            clock = await services.GetRequiredService<IEventCalendar>().GetCurrentClockAsync(ct);
        }
        catch (SummitException)
        {
            return null;
        }

        var latest = await services.GetRequiredService<ReleaseReader>().LatestNumberAsync(clock.Id, ct);
        return string.Create(CultureInfo.InvariantCulture, $"{clock.Id:N}:{latest?.ToString(CultureInfo.InvariantCulture) ?? "none"}");
    }
}
