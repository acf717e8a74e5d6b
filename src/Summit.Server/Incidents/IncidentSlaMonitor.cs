using Microsoft.Extensions.Options;
using Summit.Server.Incidents.Escalation;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Cluster;

namespace Summit.Server.Incidents;

/// <summary>
/// Looks for SLA breaches every few seconds of the <see cref="TimeProvider"/> and escalates each once to the supervisors.
/// A failed round is logged and the next one tries again; escalation is idempotent, so several servers may run it.
/// </summary>
public sealed class IncidentSlaMonitor(IServiceScopeFactory scopes, IOptions<IncidentOptions> options, TimeProvider clock, ClusterLeadership leadership,
    ILogger<IncidentSlaMonitor> logger)
    : BackgroundService
{
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Use(new Actor(null, "system:sla", null));
        return await scope.ServiceProvider.GetRequiredService<EscalationService>().EscalateBreachesAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.MonitorInBackground)
        {
            logger.LogInformation("The incident SLA monitor does not run on this server (Summit:Incidents:MonitorInBackground is off)");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await leadership.LeadsAsync(stoppingToken))
                {
                    await RunOnceAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Incident SLA round failed");
            }

            await Task.Delay(TimeSpan.FromSeconds(options.Value.CheckSeconds), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
