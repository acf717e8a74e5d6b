using MudBlazor;
using Summit.Server.Access.Contracts;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Modules;
using Summit.Server.Infrastructure.Options;
using Summit.Server.Privacy.Contracts;
using Summit.Server.Screening.Contracts;
using Summit.Server.Screening.Holds;
using Summit.Server.Screening.Ingestion;
using Summit.Server.Screening.Pages;
using Summit.Server.Screening.Reporting;
using Summit.Server.Screening.Sensors;

namespace Summit.Server.Screening;

/// <summary>Infrared screening: sensors over MQTT, fever holds on gates, silence watch (issue 4, docs/adr/0011).</summary>
public sealed class ScreeningModule : ISummitModule
{
    public IReadOnlyList<string> OwnedPolicies { get; } =
        [Policies.SensorsManage, Policies.SensorSequenceReset, Policies.ScreeningMonitor, Policies.ScreeningHoldsDecide];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        NavigationEntry.For(Policies.ScreeningMonitor, 120, "/screening", "screening.nav.holds", Icons.Material.Filled.Thermostat, "nav-screening", matchAll: true),
        NavigationEntry.For(Policies.ScreeningMonitor, 130, "/screening/sensors", "screening.nav.sensors", Icons.Material.Filled.SettingsRemote, "nav-screening-sensors"),
    ];

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapScreeningApi();

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new PageSection(EventSettingsPage.Sections, typeof(ScreeningThresholdSection), 10, Policies.OperationsSettingsManage));
        services.AddSummitOptions<ScreeningOptions>("Summit:Screening");
        services.AddSummitOptions<MqttOptions>("Summit:Mqtt");
        services.AddSingleton<SensorDirectory>();
        services.AddSingleton<ScreeningLiveFeed>();
        services.AddSingleton<IScreeningChanges>(sp => sp.GetRequiredService<ScreeningLiveFeed>());
        services.AddScoped<SensorService>();
        services.AddScoped<HoldService>().AddScoped<IScreeningHolds>(sp => sp.GetRequiredService<HoldService>());
        services.AddScoped<FeverHolds>();
        services.AddScoped<IGateHolds, ScreeningGateHolds>();
        services.AddSingleton<IServerGateCheck, ScreeningHoldCheck>();
        services.AddScoped<IScreeningReport, ScreeningReportQueries>();
        services.AddSingleton<ScreeningThreshold>();
        services.AddScoped<ScreeningSettingsService>();
        services.AddSingleton<ReadingWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ReadingWriter>());
        services.AddSingleton<MqttIngestion>();
        services.AddHostedService(sp => sp.GetRequiredService<MqttIngestion>());
        services.AddSingleton<SensorSilenceWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<SensorSilenceWatch>());
        services.AddScoped<IPersonalDataHolder, PersonalData.ScreeningPersonalData>();
    }
}
