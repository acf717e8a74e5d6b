using MudBlazor;
using Summit.Server.Events.Contracts;
using Summit.Server.Incidents.Contracts;
using Summit.Server.Incidents.Escalation;
using Summit.Server.Incidents.Pages;
using Summit.Server.Incidents.Photos;
using Summit.Server.Incidents.Progress;
using Summit.Server.Incidents.Raising;
using Summit.Server.Incidents.Reading;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Infrastructure.Modules;
using Summit.Server.Infrastructure.Options;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Incidents;

/// <summary>The incidents module: its services, the reporter other modules raise incidents through, and the SLA monitor (docs/adr/0010).</summary>
public sealed class IncidentsModule : ISummitModule
{
    public IReadOnlyList<string> OwnedPolicies { get; } =
    [
        Policies.IncidentsRaise, Policies.IncidentsView, Policies.IncidentsAct, Policies.IncidentsAssign,
        Policies.IncidentsHealthDetails,
    ];

    // The incidents keep the addresses they had under Operations.
    public IReadOnlyList<NavigationEntry> Navigation { get; } =
        [NavigationEntry.For(Policies.IncidentsView, 140, "/operations/incidents", "incidents.nav", Icons.Material.Filled.ReportProblem, "nav-incidents")];

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api) => api.MapIncidentsApi();

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new PageSection(EventSettingsPage.Sections, typeof(IncidentSlaSection), 20, Policies.OperationsSettingsManage));
        services.AddSingleton(new PageSection(ShellPlaces.AppBar, typeof(IncidentAppBar), 10, Policies.IncidentsRaise));
        services.AddSummitOptions<IncidentOptions>("Summit:Incidents");
        services.AddSingleton<IncidentFeed>();
        services.AddScoped<IncidentNotifier>();
        services.AddScoped<IncidentStore>();
        services.AddScoped<IncidentViews>();
        services.AddScoped<IncidentReadService>();
        services.AddScoped<IncidentOpening>();
        services.AddScoped<StaffReportService>();
        services.AddScoped<AutomaticReportService>();
        services.AddScoped<IncidentMoves>();
        services.AddScoped<TransitionService>();
        services.AddScoped<AssignmentService>();
        services.AddScoped<CommentService>();
        services.AddScoped<IncidentPhotoService>();
        services.AddScoped<EscalationService>();
        services.AddScoped<IncidentSlaSettingsService>();
        services.AddScoped<IncidentInbox>();
        services.AddScoped<IIncidentReport, IncidentReportQueries>();
        services.AddScoped<IOpenIncidents, OpenIncidents>();
        services.AddSingleton<IIncidentChanges>(sp => sp.GetRequiredService<IncidentFeed>());
        services.AddScoped<IIncidentReporter, IncidentReporter>();
        services.AddScoped<IPersonalDataHolder, IncidentPersonalData>();
        services.AddSingleton<IncidentSlaMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<IncidentSlaMonitor>());
    }
}
