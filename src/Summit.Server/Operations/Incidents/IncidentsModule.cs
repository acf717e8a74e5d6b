using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Operations.Incidents;

public static class IncidentsModule
{
    /// <summary>The incidents module: its services, the reporter other modules raise incidents through, and the SLA monitor.</summary>
    public static IServiceCollection AddIncidents(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Summit:Incidents").Get<IncidentOptions>() ?? new IncidentOptions();
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<IncidentFeed>();
        services.AddScoped<IncidentNotifier>();
        services.AddScoped<IncidentService>();
        services.AddScoped<IncidentSlaSettingsService>();
        services.AddScoped<IncidentInbox>();
        services.AddScoped<IncidentReportQueries>();
        services.AddScoped<IIncidentReporter, IncidentReporter>();
        services.AddScoped<IPersonalDataHolder, IncidentPersonalData>();
        services.AddSingleton<IncidentSlaMonitor>();
        if (configuration.GetValue("Summit:Incidents:MonitorInBackground", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<IncidentSlaMonitor>());
        }

        return services;
    }
}
