using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Summit.Server.Access;
using Summit.Server.Access.Badges;
using Summit.Server.Access.Credentials;
using Summit.Server.Access.Devices;
using Summit.Server.Access.Keys;
using Summit.Server.Access.Monitoring;
using Summit.Server.Access.PersonalData;
using Summit.Server.Access.Policy;
using Summit.Server.Access.Scanning;
using Summit.Server.Access.Zones;
using Summit.Server.Components;
using Summit.Server.Demo;
using Summit.Server.Events;
using Summit.Server.Guests;
using Summit.Server.Guests.Import;
using Summit.Server.Guests.Invitations;
using Summit.Server.Guests.PersonalData;
using Summit.Server.Guests.Portal;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Errors;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Mail;
using Summit.Server.Infrastructure.Security;
using Summit.Server.Operations.Dashboard;
using Summit.Server.Operations.Incidents;
using Summit.Server.Operations.Reports;
using Summit.Server.Privacy;
using Summit.Server.Privacy.Contracts;
using Summit.Server.Screening;

namespace Summit.Server.Infrastructure;

/// <summary>The map of the system: every module registers its services and endpoints here.</summary>
public static class SummitHost
{
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
        services.AddSummitIdentity();
        services.AddScoped<IUserClaimsPrincipalFactory<SummitUser>, SummitClaimsFactory>();
        services.Configure<SecurityOptions>(configuration.GetSection("Summit:Security"));
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentActor>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<AuditRedaction>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<UiOperations>();

        var mailOptions = configuration.GetSection("Summit:Mail").Get<MailOptions>() ?? new MailOptions();
        mailOptions.OutboxDirectory = Path.GetFullPath(string.IsNullOrEmpty(mailOptions.OutboxDirectory)
            ? Path.Combine(dataDirectory, "outbox") : mailOptions.OutboxDirectory);
        if (string.IsNullOrWhiteSpace(mailOptions.PublicBaseUrl))
        {
            mailOptions.PublicBaseUrl = (configuration["urls"] ?? "http://localhost:5000").Split(';')[0].Replace("0.0.0.0", "localhost", StringComparison.Ordinal);
        }

        services.AddSingleton(new MailOptionsAccessor(mailOptions));
        if (string.IsNullOrWhiteSpace(mailOptions.SmtpHost))
        {
            services.AddSingleton<IMailTransport, OutboxFolderTransport>();
        }
        else
        {
            services.AddSingleton<IMailTransport, SmtpTransport>();
        }

        services.AddScoped<MailComposer>();
        services.AddSingleton<MailDispatcher>();
        if (configuration.GetValue("Summit:Mail:DispatchInBackground", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<MailDispatcher>());
        }

        // Modules.
        services.AddScoped<EventService>();
        services.AddScoped<GuestQueries>();
        services.AddScoped<GuestService>();
        services.AddScoped<CategoryService>();
        services.AddScoped<DelegationService>();
        services.AddSingleton(configuration.GetSection("Summit:Invitations").Get<InvitationOptions>() ?? new InvitationOptions());
        services.AddScoped<InvitationService>();
        services.AddScoped<PortalService>();
        services.AddScoped<GuestDirectory>();
        services.AddGuestImport();
        services.AddScoped<GuestPersonalData>();
        services.AddScoped<IDataSubjects>(sp => sp.GetRequiredService<GuestPersonalData>());
        services.AddScoped<IPersonalDataHolder>(sp => sp.GetRequiredService<GuestPersonalData>());

        services.AddScoped<AccessSettingsService>();
        services.AddScoped<SigningKeyService>();
        services.AddScoped<ZoneService>();
        services.AddScoped<CredentialService>();
        services.AddScoped<IGuestObserver, CredentialGuestObserver>();
        services.AddScoped<IGuestCredentialView, GuestCredentialView>();
        services.AddScoped<BadgeService>();
        services.AddScoped<DeviceService>();
        services.AddScoped<DeviceContext>();
        services.AddScoped<AccessQueries>();
        services.AddScoped<AccessReportQueries>();
        services.AddScoped<ConsoleScans>();
        services.AddScoped<IPersonalDataHolder, AccessPersonalData>();
        services.AddSingleton<DeviceRegistry>();
        services.AddSingleton<AccessSnapshotCache>();
        services.AddSingleton<AccessLiveFeed>();
        services.AddSingleton<ScanProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<ScanProcessor>());
        services.AddSingleton<GateHoldWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<GateHoldWatch>());
        services.AddScreening(configuration);
        services.AddOperationsDashboard();
        services.AddIncidents(configuration);
        services.AddDemo(configuration);
        services.AddPrivacy(configuration);

        services.AddScoped<ClosingReportService>();
        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, DeviceAuthenticationHandler>(
            DeviceAuthentication.Scheme, null);

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
        services.AddSummitTransportSecurity(configuration);
        services.AddProblemDetails(ErrorPages.ConfigureProblemDetails);
        // A request an endpoint cannot bind (malformed JSON, a wrong content type) throws, and UseSummitProblems answers it with a
        // reason code instead of the framework's bare 400 or 415.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddAntiforgery();
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
        api.MapGet("/version", () => TypedResults.Ok(new
        {
            name = "Summit",
            version = typeof(SummitHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
            runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        }))
            .WithTags("System").AllowAnonymous().WithSummary("Server version");
        app.MapAccountEndpoints(api);
        api.MapEventApi();
        api.MapGuestsApi();
        api.MapCategoriesApi();
        api.MapDelegationsApi();
        api.MapGuestImportApi();
        api.MapPortalApi();
        api.MapAuditApi();
        api.MapAccessApi();
        api.MapReportApi();
        api.MapBadgeApi();
        api.MapDeviceApi();
        api.MapScreeningApi();
        api.MapOperationsDashboardApi();
        api.MapIncidentsApi();
        api.MapPrivacyApi();

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
