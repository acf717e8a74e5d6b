using Microsoft.Extensions.Options;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Cluster;

namespace Summit.Server.Privacy;

/// <summary>
/// Looks for events whose retention period has ended, on every server, every <see cref="PrivacyOptions.PurgeInterval"/> of the
/// clock, and purges them (<see cref="PurgeService.RunDueAsync"/>): the claim in the database keeps two servers off one event.
/// </summary>
public sealed class PurgeJob(IServiceScopeFactory scopes, IOptions<PrivacyOptions> options, TimeProvider clock, ClusterLeadership leadership,
    ILogger<PurgeJob> logger) : BackgroundService
{
    /// <summary>Raised after each check with the number of events purged, -1 when it failed (tests move the clock and wait for it).</summary>
    public event Action<int>? Checked;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PurgeInBackground)
        {
            logger.LogInformation("The retention purge does not run on this server (Summit:Privacy:PurgeInBackground is off)");
            return;
        }

        var next = Task.Delay(options.Value.PurgeFirstCheckAfter, clock, stoppingToken);
        while (true)
        {
            var purged = -1;
            var leading = true;
            try
            {
                await next;
                leading = await leadership.LeadsAsync(stoppingToken);
                if (leading)
                {
                    purged = await CheckAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The retention purge failed; it is tried again at the next check");
            }

            // The next look is armed before anyone hears of this one, so that a clock moved on in between is not missed.
            next = Task.Delay(options.Value.PurgeInterval, clock, stoppingToken);
            if (leading)
            {
                Checked?.Invoke(purged);
            }
        }
    }

    /// <summary>One check, as the job makes it: in its own scope, as the system.</summary>
    public async Task<int> CheckAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Use(Actor.System);
        return await scope.ServiceProvider.GetRequiredService<PurgeService>().RunDueAsync(ct);
    }
}
