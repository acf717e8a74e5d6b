using MudBlazor;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Modules;
using Summit.Server.Operations.Dashboard;
using Summit.Server.Operations.Reports;

namespace Summit.Server.Operations;

/// <summary>Operations: the live dashboard and the closing report, which read every module; no module reads Operations.</summary>
public sealed class OperationsModule : ISummitModule
{
    public IReadOnlyList<string> OwnedPolicies { get; } =
        [Policies.OperationsView, Policies.ReportsRead, Policies.OperationsSettingsManage];

    public IReadOnlyList<NavigationEntry> Navigation { get; } =
    [
        NavigationEntry.For(Policies.OperationsView, 100, "/operations", "dashboard.nav", Icons.Material.Filled.MonitorHeart, "nav-operations"),
        NavigationEntry.For(Policies.ReportsRead, 155, "/operations/report", "reports.nav", Icons.Material.Filled.Summarize, "nav-report"),
    ];

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOperationsDashboard();
        services.AddScoped<ClosingReportService>();
    }

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        api.MapReportApi();
        api.MapOperationsDashboardApi();
    }
}
