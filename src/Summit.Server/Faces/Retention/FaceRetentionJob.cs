using Microsoft.Extensions.Options;
using Summit.Server.Infrastructure.Audit;

namespace Summit.Server.Faces.Retention;

/// <summary>
/// Looks for events whose face retention has ended every <see cref="FacesOptions.PurgeInterval"/> of the clock, like the privacy
/// purge (a delete of rows already gone is harmless, so two servers need no claim here).
/// </summary>
public sealed class FaceRetentionJob(IServiceScopeFactory scopes, IOptions<FacesOptions> options, TimeProvider clock, ILogger<FaceRetentionJob> logger)
    : BackgroundService
{
    /// <summary>Raised after each check with the number of enrolments purged, -1 when it failed (tests move the clock and wait for it).</summary>
    public event Action<int>? Checked;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PurgeInBackground)
        {
            logger.LogInformation("The face template purge does not run on this server (Summit:Faces:PurgeInBackground is off)");
            return;
        }

        var next = Task.Delay(options.Value.PurgeFirstCheckAfter, clock, stoppingToken);
        while (true)
        {
            var purged = -1;
            try
            {
                await next;
                purged = await CheckAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The face template purge failed; it is tried again at the next check");
            }

            // Armed before anyone hears of this check, so that a clock moved on in between is not missed.
            next = Task.Delay(options.Value.PurgeInterval, clock, stoppingToken);
            Checked?.Invoke(purged);
        }
    }

    public async Task<int> CheckAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Use(Actor.System);
        return await scope.ServiceProvider.GetRequiredService<FaceRetentionService>().PurgeDueAsync(ct);
    }
}
