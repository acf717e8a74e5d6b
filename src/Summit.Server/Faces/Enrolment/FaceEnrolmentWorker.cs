using Microsoft.Extensions.Options;
using Summit.Server.Infrastructure.Audit;

namespace Summit.Server.Faces.Enrolment;

/// <summary>
/// Computes the enrolments the portal queued, every <see cref="FacesOptions.EnrolInterval"/>, off the guest's request: a face analysis
/// takes a moment and a failure of it must not fail a registration. Off (Summit:Faces:EnrolInBackground), queued enrolments wait for
/// the staff action "enrol from photo".
/// </summary>
public sealed class FaceEnrolmentWorker(IServiceScopeFactory scopes, IOptions<FacesOptions> options, TimeProvider clock, ILogger<FaceEnrolmentWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.EnrolInBackground)
        {
            logger.LogInformation("Face enrolments are not computed in the background on this server (Summit:Faces:EnrolInBackground is off)");
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.EnrolInterval, clock, stoppingToken);
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The exception names no template or photo: those never leave the service.
                logger.LogError(ex, "Queued face enrolments could not be computed; tried again at the next pass");
            }
        }
    }

    /// <summary>One pass, as the worker makes it: in its own scope, as the system.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Use(Actor.System);
        return await scope.ServiceProvider.GetRequiredService<FaceEnrolmentService>().ProcessPendingAsync(ct);
    }
}
