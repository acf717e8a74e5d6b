using MudBlazor;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Modules;
using Summit.Server.Infrastructure.Options;
using Summit.Server.Privacy.Contracts;
using Summit.Server.Privacy.Holders;
using Summit.Server.Privacy.Pages;

namespace Summit.Server.Privacy;

/// <summary>
/// Privacy (issue 9, docs/adr/0015): the retention period per event, the purge after it, a person's copy of their data and its
/// erasure, and the privacy notice written from the settings in force. It reaches the modules only through
/// <see cref="IPersonalDataHolder"/>, which each module that keeps personal data implements, and <see cref="IDataSubjects"/> (Guests its guests,
/// Programme its remote speakers).
/// </summary>
public sealed class PrivacyModule : ISummitModule
{
    public IReadOnlyList<string> OwnedPolicies { get; } = [Policies.PrivacyRequests, Policies.PrivacyPurge, Policies.RetentionManage];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
        [NavigationEntry.For(Policies.PrivacyPurge, 180, "/privacy", "privacy.nav", Icons.Material.Filled.PrivacyTip, "nav-privacy")];

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapPrivacyApi();

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new PageSection(EventSettingsPage.Sections, typeof(RetentionSection), 30, Policies.RetentionManage));
        services.AddSummitOptions<PrivacyOptions>("Summit:Privacy");
        services.AddScoped<RetentionService>();
        services.AddScoped<IPrivacyNotice, PrivacyNoticeService>();
        services.AddScoped<SubjectDirectory>();
        services.AddScoped<ErasureEngine>();
        services.AddScoped<SubjectRequests>();
        services.AddScoped<PurgeService>();
        // The infrastructure's data (mail, audit trail) is no module's: this module holds it. Registered after the modules' holders.
        services.AddScoped<IPersonalDataHolder, MailPersonalData>();
        services.AddScoped<IPersonalDataHolder, AuditPersonalData>();
        services.AddSingleton<PurgeJob>();
        services.AddHostedService(sp => sp.GetRequiredService<PurgeJob>());
    }
}
