using MudBlazor;
using Summit.Server.Access.Contracts;
using Summit.Server.Events.Contracts;
using Summit.Server.Faces.Engine;
using Summit.Server.Faces.Enrolment;
using Summit.Server.Faces.Gate;
using Summit.Server.Faces.Pages;
using Summit.Server.Faces.PersonalData;
using Summit.Server.Faces.Retention;
using Summit.Server.Faces.Settings;
using Summit.Server.Faces.Thresholds;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Modules;
using Summit.Server.Infrastructure.Options;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Faces;

/// <summary>
/// Face verification (issue 14, stage 2; docs/adr/0030-faces-module.md): consent first, enrolment from the portal or the desk, the 1:1
/// check at the gate on the server, the templates' retention. On the engine of Summit.Faces.Core (ADR 0022).
/// </summary>
public sealed class FacesModule : ISummitModule
{
    public IReadOnlyList<string> OwnedPolicies { get; } = [Policies.FacesEnrol, Policies.FacesGateSwitch];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        NavigationEntry.For(Policies.FacesGateSwitch, 135, "/faces/gates", "faces.nav.gates", Icons.Material.Filled.Face, "nav-face-gates"),
        NavigationEntry.For(Policies.OperationsSettingsManage, 136, "/faces/thresholds", "faces.nav.thresholds", Icons.Material.Filled.BarChart,
            "nav-face-thresholds"),
    ];

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapFacesApi();

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSummitOptions<FacesOptions>("Summit:Faces");
        // One engine per process: its models take half a second and 146 MB to load (ADR 0022).
        services.AddSingleton<IFaceAnalyzer, FaceEngineAnalyzer>();
        services.AddSingleton<FaceTemplates>();
        services.AddScoped<FaceEnrolmentService>();
        services.AddScoped<IFaceConsentObserver, FaceConsentObserver>();
        services.AddScoped<IGuestFaceView, GuestFaceView>();
        services.AddSingleton<FaceEnrolmentWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<FaceEnrolmentWorker>());
        services.AddSingleton<IGateFrameComparer, FaceFrameComparer>();
        services.AddSingleton<IServerGateCheck, FaceMatchCheck>();
        services.AddSingleton<FaceLaneGallery>();
        services.AddSingleton<IGateFaceSearch, FaceLaneSearcher>();
        services.AddScoped<FaceSettingsService>();
        services.AddScoped<FaceGateSync>();
        services.AddScoped<FaceThresholdService>();
        services.AddScoped<FaceRetentionService>();
        services.AddSingleton<FaceRetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<FaceRetentionJob>());
        services.AddScoped<IPersonalDataHolder, FacePersonalData>();
        services.AddSingleton(new PageSection(GuestPage.Side, typeof(FaceEnrolmentSection), 20, Policies.FacesEnrol));
        services.AddSingleton(new PageSection(GuestListPage.Actions, typeof(FastLaneBulkButtons), 20, Policies.FacesEnrol));
        services.AddSingleton(new PageSection(EventSettingsPage.Sections, typeof(FaceSettingsSection), 20, Policies.OperationsSettingsManage));
    }
}
