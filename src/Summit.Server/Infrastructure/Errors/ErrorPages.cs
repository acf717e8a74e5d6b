using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Infrastructure.Errors;

/// <summary>
/// What a person in a browser sees when a page fails: a small page in their language (with a link to the other one and a
/// reference for the support desk), written directly rather than rendered by Blazor, so that it still shows when the failure is
/// Blazor's. API callers get problem documents instead.
/// </summary>
public static class ErrorPages
{
    public static IApplicationBuilder UseSummitErrorHandling(this IApplicationBuilder app, bool showDeveloperPage)
    {
        if (!showDeveloperPage)
        {
            app.UseWhen(IsApi, api => api.UseExceptionHandler());
            app.UseWhen(c => !IsApi(c), web => web.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = context => WriteAsync(context, StatusCodes.Status500InternalServerError),
            }));
        }

        // An empty 4xx or 5xx gets a body too: a problem with a code for an API caller (an unknown route, a body that cannot be read),
        // a page for a browser's page request (an unknown address, an expired form).
        app.UseStatusCodePages(status =>
        {
            var context = status.HttpContext;
            if (IsApi(context))
            {
                return ProblemResults.From(ProblemResults.ForBareStatus(context), context.RequestServices.GetRequiredService<Localizer>()).ExecuteAsync(context);
            }

            return !IsFramework(context.Request.Path) && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal)
                ? WriteAsync(context, context.Response.StatusCode)
                : Task.CompletedTask;
        });
        return app;
    }

    /// <summary>A crash in an API handler answers a problem with the code server.error and a title in the caller's language.</summary>
    public static void ConfigureProblemDetails(ProblemDetailsOptions options) =>
        options.CustomizeProblemDetails = context =>
        {
            if (context.ProblemDetails.Status >= 500 && !context.ProblemDetails.Extensions.ContainsKey("code"))
            {
                var localizer = context.HttpContext.RequestServices.GetRequiredService<Localizer>();
                context.ProblemDetails.Extensions["code"] = ErrorCodes.ServerError;
                context.ProblemDetails.Type = "https://summit.local/problems/" + ErrorCodes.ServerError;
                context.ProblemDetails.Title = localizer.Get(CultureOf(context.HttpContext), "error." + ErrorCodes.ServerError);
            }
        };

    /// <summary>Writes the error page for a status, with the request's message text for the status (or a given one).</summary>
    public static async Task WriteAsync(HttpContext context, int status, string? message = null)
    {
        var localizer = context.RequestServices.GetRequiredService<Localizer>();
        var culture = CultureOf(context);
        var language = Localizer.LanguageOf(culture);
        var kind = status switch
        {
            StatusCodes.Status400BadRequest => "bad_request",
            StatusCodes.Status403Forbidden => "forbidden",
            StatusCodes.Status404NotFound => "not_found",
            StatusCodes.Status429TooManyRequests => "too_many",
            >= 500 => "server_error",
            _ => "other",
        };
        string Text(string key) => WebUtility.HtmlEncode(localizer.Get(language, key));
        var reference = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path.Value ?? "/";
        var otherLanguage = language == Localizer.Chinese ? Localizer.English : Localizer.Chinese;
        var switchLink = $"/culture?culture={otherLanguage}&returnUrl={Uri.EscapeDataString(path)}";

        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentLanguage = language;
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{Text($"error_page.{kind}.title")} · Summit</title>
            <link rel="stylesheet" href="/app.css" />
            </head>
            <body>
            <div class="plain-page">
            <header class="plain-header"><span class="brand">Summit</span><span class="language-switch"><a href="{WebUtility.HtmlEncode(switchLink)}" data-testid="error-language">{(otherLanguage == Localizer.Chinese ? "中文" : "English")}</a></span></header>
            <main>
            <section class="card narrow" data-testid="error-page" data-status="{status}">
            <h1>{Text($"error_page.{kind}.title")}</h1>
            <p>{(message is null ? Text($"error_page.{kind}.text") : WebUtility.HtmlEncode(message))}</p>
            <p><small>{WebUtility.HtmlEncode(localizer.Format(culture, "error_page.reference", [status, reference]))}</small></p>
            <p><a href="/">{Text("nav.home")}</a></p>
            </section>
            </main>
            </div>
            </body>
            </html>
            """);
    }

    /// <summary>The request's language, also where the localization middleware's culture has gone out of scope (an outer handler).</summary>
    private static CultureInfo CultureOf(HttpContext context) =>
        context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.GetCultureInfo(Localizer.English);

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static bool IsFramework(PathString path) =>
        path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/_framework", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/_content", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
