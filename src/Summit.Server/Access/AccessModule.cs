using Microsoft.AspNetCore.Authentication;
using MudBlazor;
using Summit.Server.Access.Badges;
using Summit.Server.Access.Blocks;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Credentials;
using Summit.Server.Access.Devices;
using Summit.Server.Access.Gates;
using Summit.Server.Access.Grants;
using Summit.Server.Access.Keys;
using Summit.Server.Access.Monitoring;
using Summit.Server.Access.Pages;
using Summit.Server.Access.PersonalData;
using Summit.Server.Access.Policy;
using Summit.Server.Access.Scanning;
using Summit.Server.Access.Zones;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Modules;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Access;

/// <summary>Access: zones, gates, credentials and badges, signing keys, gate devices, and the scans decided online and offline.</summary>
public sealed class AccessModule : ISummitModule
{
    public IReadOnlyList<string> OwnedPolicies { get; } =
    [
        Policies.AccessManage, Policies.CredentialsManage, Policies.DevicesManage, Policies.KeysManage,
        Policies.GateScan, Policies.AccessMonitor, Policies.PersonsBlock,
    ];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        NavigationEntry.For(Policies.CredentialsManage, 50, "/access/badges", "nav.badges", Icons.Material.Filled.Badge, "nav-badges"),
        NavigationEntry.For(Policies.AccessManage, 60, "/access/zones", "accesspages.nav.zones", Icons.Material.Filled.Layers, "nav-access-zones"),
        NavigationEntry.For(Policies.DevicesManage, 70, "/access/devices", "accesspages.nav.devices", Icons.Material.Filled.Devices, "nav-access-devices"),
        NavigationEntry.For(Policies.KeysManage, 80, "/access/keys", "accesspages.nav.keys", Icons.Material.Filled.Key, "nav-access-keys"),
        NavigationEntry.For(Policies.GateScan, 90, "/gate", "gate.nav.console", Icons.Material.Filled.QrCodeScanner, "nav-gate"),
        NavigationEntry.For(Policies.AccessMonitor, 110, "/access/live", "gate.nav.live", Icons.Material.Filled.Sensors, "nav-access-live"),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        // Its parts of the guest list and page, which show them through Guests' contracts without naming this module.
        services.AddSingleton(new PageSection(GuestListPage.Actions, typeof(BulkIssueButton), 10, Policies.CredentialsManage));
        services.AddSingleton(new PageSection(GuestPage.Actions, typeof(BadgeButtons), 10, Policies.CredentialsManage));
        services.AddSingleton(new PageSection(GuestPage.Side, typeof(BlockSection), 10, Policies.PersonsBlock));
        services.AddSingleton(new PageSection(GuestPage.Main, typeof(CredentialSection), 10, Policies.CredentialsManage));
        services.AddSingleton(new PageSection(GuestPage.Main, typeof(PersonalZonesSection), 20, Policies.AccessManage));
        services.AddScoped<AccessSettingsService>();
        services.AddScoped<SigningKeyService>();
        services.AddScoped<ZoneService>();
        services.AddScoped<GateService>();
        services.AddScoped<IZoneDirectory, ZoneDirectory>();
        services.AddScoped<IZoneClosures, ZoneClosureService>();
        services.AddScoped<IZoneEntries, ZoneEntryQueries>();
        services.AddScoped<IGateAdmissions, GateAdmissionQueries>();
        services.AddScoped<CategoryZoneService>();
        services.AddScoped<PersonalGrantService>();
        services.AddScoped<PersonBlockService>();
        services.AddScoped<CredentialService>();
        services.AddScoped<IGuestObserver, CredentialGuestObserver>();
        services.AddScoped<IGuestCredentialView, GuestCredentialView>();
        services.AddScoped<BadgeService>();
        services.AddScoped<DeviceService>();
        services.AddScoped<DeviceContext>();
        services.AddScoped<AccessQueries>().AddScoped<IAccessMonitor>(sp => sp.GetRequiredService<AccessQueries>());
        services.AddScoped<IAccessReport, AccessReportQueries>();
        services.AddScoped<IFaceDistances, FaceDistanceQueries>();
        services.AddScoped<ConsoleScans>();
        services.AddScoped<IPersonalDataHolder, AccessPersonalData>();
        services.AddSingleton<DeviceRegistry>();
        services.AddSingleton<AccessSnapshotCache>();
        services.AddSingleton<AccessLiveFeed>();
        services.AddSingleton<IScanFeed>(sp => sp.GetRequiredService<AccessLiveFeed>());
        services.AddSingleton<ScanProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<ScanProcessor>());
        services.AddSingleton<GateHoldWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<GateHoldWatch>());
        services.AddSingleton<IGateHoldChanges>(sp => sp.GetRequiredService<GateHoldWatch>());
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, DeviceAuthenticationHandler>(DeviceAuthentication.Scheme, null);
    }

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapAccessApi();
        api.MapBadgeApi();
        api.MapDeviceApi();
    }
}
