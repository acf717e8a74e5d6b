using System.Reflection;
using MudBlazor;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Modules;

namespace Summit.Server.Infrastructure;

/// <summary>What belongs to no module: staff accounts and sign-in, the audit trail, the home page, the version and the API reference.</summary>
public sealed class PlatformModule : ISummitModule
{
    public IReadOnlyList<string> OwnedPolicies { get; } =
        [Policies.StaffSignedIn, Policies.OwnAccount, Policies.AuditRead, Policies.UsersManage];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        new(0, "/", "nav.home", Icons.Material.Filled.Dashboard, NavigationAudience.SignedIn, MatchAll: true),
        NavigationEntry.For(Policies.UsersManage, 170, "/admin/users", "nav.users", Icons.Material.Filled.ManageAccounts),
        NavigationEntry.For(Policies.AuditRead, 190, "/admin/audit", "nav.audit", Icons.Material.Filled.History),
        new(200, "/account/two-factor", "nav.two_factor", Icons.Material.Filled.Security, NavigationAudience.SignedIn),
        new(210, "/api-reference", "nav.api", Icons.Material.Filled.Api, NavigationAudience.Anyone, NewTab: true),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditQueries>();
        services.AddScoped<AuditRedaction>();
        services.AddScoped<StaffAccounts>();
        services.AddSingleton<PageSections>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapGet("/version", () => TypedResults.Ok(new
        {
            name = "Summit",
            version = typeof(SummitHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
            runtime = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        }))
            .WithTags("System").AllowAnonymous().WithSummary("Server version");
        app.MapAccountEndpoints(api);
        api.MapAuditApi();
    }
}
