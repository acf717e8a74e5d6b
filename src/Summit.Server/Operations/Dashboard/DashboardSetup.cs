using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Identity;

namespace Summit.Server.Operations.Dashboard;

/// <summary>The live operations dashboard's services and endpoints, registered from the host map.</summary>
public static class DashboardSetup
{
    public static IServiceCollection AddOperationsDashboard(this IServiceCollection services)
    {
        services.AddSingleton<OperationsBoard>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationsBoard>());
        services.AddScoped<IGuestObserver, DashboardGuestObserver>();
        services.AddScoped<IIncidentDashboardSource, IncidentPanel>();
        services.AddSingleton<IDashboardChangeSource, IncidentPanelChanges>();
        services.AddScoped<IScreeningDashboardSource, ScreeningPanelSource>();
        services.AddSingleton<IDashboardChangeSource, ScreeningPanelChanges>();
        return services;
    }

    public static RouteGroupBuilder MapOperationsDashboardApi(this RouteGroupBuilder api)
    {
        api.MapGet("/operations/dashboard", (OperationsBoard board, CancellationToken ct) => board.GetAsync(ct))
            .WithTags("Operations").RequireAuthorization(Policies.OperationsView)
            .WithSummary("The live operations dashboard: arrivals pipeline, zone occupancy, gate throughput, refusals, screening and incidents")
            .WithDescription("The snapshot every dashboard screen shows, rebuilt at most four times a second. scanLatency: how long the recent scans took "
                + "from reaching the server to showing in a published snapshot (p50, p95, max in milliseconds).");
        return api;
    }
}
