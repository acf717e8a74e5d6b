using Microsoft.Extensions.Options;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Cluster;

namespace Summit.Server.Venues.NoShows;

/// <summary>
/// Releases bookings nobody came to (<see cref="NoShowRelease"/>) every <see cref="VenuesOptions.NoShowCheckSeconds"/> of the
/// <see cref="TimeProvider"/>. Always registered; it runs only where <c>Summit:Venues:ReleaseNoShowsInBackground</c> is on, read when it
/// starts. A failed round is logged and the next one tries again.
/// </summary>
public sealed class NoShowMonitor(IServiceScopeFactory scopes, IOptions<VenuesOptions> options, TimeProvider clock, ClusterLeadership leadership,
    ILogger<NoShowMonitor> logger)
    : BackgroundService
{
    public static readonly Actor Releaser = new(null, "system:no-show", null);

    /// <summary>One round, as the job makes it: in its own scope, as the system; returns how many bookings were released.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Use(Releaser);
        return await scope.ServiceProvider.GetRequiredService<NoShowRelease>().ReleaseDueAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ReleaseNoShowsInBackground)
        {
            logger.LogInformation("The no-show release does not run on this server (Summit:Venues:ReleaseNoShowsInBackground is off)");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.NoShowCheckSeconds), clock, stoppingToken);
                if (await leadership.LeadsAsync(stoppingToken))
                {
                    await RunOnceAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "No-show release round failed; the next round tries again");
            }
        }
    }
}
