using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Summit.Server.Access;
using Summit.Server.Components;
using Summit.Server.Demo;
using Summit.Server.Events;
using Summit.Server.Faces;
using Summit.Server.Guests;
using Summit.Server.Incidents;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Cluster;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Errors;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Mail;
using Summit.Server.Infrastructure.Modules;
using Summit.Server.Infrastructure.Options;
using Summit.Server.Infrastructure.Security;
using Summit.Server.Operations;
using Summit.Server.Privacy;
using Summit.Server.Programme;
using Summit.Server.Screening;
using Summit.Server.Venues;

namespace Summit.Server.Infrastructure;

/// <summary>The map of the system: the infrastructure, then the modules, each of which registers its own services, endpoints, menu and policies.</summary>
public static class SummitHost
{
    /// <summary>Every module, in the order their services are registered (the privacy module last: it holds the infrastructure's data after the modules').</summary>
    public static readonly IReadOnlyList<ISummitModule> Modules =
    [
        new PlatformModule(),
        new EventsModule(),
        new GuestsModule(),
        new AccessModule(),
        new ScreeningModule(),
        new FacesModule(),
        new OperationsModule(),
        new IncidentsModule(),
        new VenuesModule(),
        new ProgrammeModule(),
        new DemoModule(),
        new PrivacyModule(),
    ];

    public static string DataDirectory(IConfiguration configuration) => DataLocation.Resolve(configuration, Directory.GetCurrentDirectory());

    public static WebApplicationBuilder AddSummit(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var dataDirectory = DataDirectory(configuration);

        // Serve library assets (MudBlazor, blazor.web.js) from the build output in every environment, so that
        // `dotnet run -- demo` works without a Development launch profile; a published app has them in wwwroot anyway.
        builder.WebHost.UseStaticWebAssets();
        Directory.CreateDirectory(dataDirectory);

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Localizer>();
        services.AddSingleton(FieldProtector.FromConfiguration(configuration, dataDirectory));
        services.AddSummitDatabase(DatabaseSettings.From(configuration, dataDirectory));
        services.AddSummitDataProtection();
        services.AddSingleton<ClusterSignals>();
        services.AddSingleton<ClusterSignalListener>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterSignalListener>());
        services.AddSingleton(sp => new ClusterLeadership(sp.GetRequiredService<DatabaseSettings>(), sp.GetRequiredService<ILogger<ClusterLeadership>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ClusterLeadership>());
        services.AddSummitIdentity(Modules.SelectMany(m => m.OwnedPolicies));
        services.AddScoped<IUserClaimsPrincipalFactory<SummitUser>, SummitClaimsFactory>();
        services.AddSummitOptions<SecurityOptions>("Summit:Security");
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentActor>();
        services.AddScoped<UiOperations>();

        services.AddSummitMail(dataDirectory);
        services.AddScoped<MailComposer>();

        services.AddSingleton(new SummitNavigation(Modules));
        foreach (var module in Modules)
        {
            module.AddServices(services, configuration);
        }

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = new[] { new CultureInfo("en"), new CultureInfo("zh-Hans") };
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.ApplyCurrentCultureToResponseHeaders = true;
        });

        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, MudTextLocalizer>();
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddStaffSessions();
        services.AddSummitOpenApi();
        services.AddSummitRateLimits();
        services.AddSummitTransportSecurity();
        services.AddProblemDetails(ErrorPages.ConfigureProblemDetails);
        // A request an endpoint cannot bind (malformed JSON, a wrong content type) throws, and UseSummitProblems answers it with a
        // reason code instead of the framework's bare 400 or 415.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddAntiforgery();
        services.AddOutputCache();
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = 64 * 1024 * 1024);
        return builder;
    }

    public static WebApplication UseSummit(this WebApplication app)
    {
        app.UseSummitTransportSecurity(app.Environment.IsDevelopment());
        app.UseSummitErrorHandling(showDeveloperPage: app.Environment.IsDevelopment());
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseSummitProblems();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseStaffSessionValidation();
        app.UseApiChangesNeedBearer();
        app.UseAuthorization();
        app.UseAntiforgery();
        // Only endpoints that name a policy are cached (the public programme's pages: PublicPageCachePolicy).
        app.UseOutputCache();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapSummitApiReference();
        app.MapGet("/culture", (string culture, string? returnUrl, HttpContext context) =>
            {
                var chosen = Localizer.NormalizeLanguage(culture);
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { Expires = DateTimeOffset.UnixEpoch.AddYears(100), IsEssential = true, SameSite = SameSiteMode.Lax });
                return Results.LocalRedirect(LocalUrl.IsLocal(returnUrl) ? returnUrl! : "/");
            })
            .AllowAnonymous().ExcludeFromDescription();

        var api = app.MapGroup("/api/v1").WithJsonBodyLimit();
        api.AddEndpointFilterFactory(RequiredMembers.Filter);
        foreach (var module in Modules)
        {
            module.MapEndpoints(app, api);
        }

        // Pages state their own policy; the framework's endpoints (circuit hub, redirects) serve anonymous portal users too.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().Add(endpoint =>
        {
            if (!endpoint.Metadata.Any(m => m is Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata))
            {
                endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
            }
        });
        return app;
    }

    /// <summary>Applies migrations and makes sure the roles exist.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await DatabaseSetup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        await IdentitySetup.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        await GuestSearchIndex.BuildMissingAsync(db);
        await DatabaseSetup.RefreshStatisticsAsync(db);
    }
}
