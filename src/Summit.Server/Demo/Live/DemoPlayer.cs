using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Summit.Server.Access.Scanning;
using Summit.Server.Infrastructure.Cluster;
using Summit.Server.Screening;
using Summit.Server.Screening.Ingestion;

namespace Summit.Server.Demo.Live;

/// <summary>
/// Plays the demo's opening morning live once the server answers (docs/guide/operations-centre.md, "The live demo"): scans
/// through the <see cref="ScanProcessor"/> as the enrolled turnstiles, readings over MQTT signed by the enrolled sensors, at
/// <see cref="DemoLiveOptions.Speed"/> times the script's pace, on the server's clock. After the morning the working sensors
/// keep sending until shutdown. A failure is logged and never stops the server.
/// </summary>
/// <remarks>
/// With several server processes on one database only the one that leads (<see cref="ClusterLeadership"/>) plays; if it dies or
/// loses its lock, the process that takes over plays on from its own data folder's <see cref="DemoLiveState"/> (docs/operations.md).
/// </remarks>
public sealed class DemoPlayer(IServiceScopeFactory scopes, IOptions<DemoLiveOptions> options, IOptions<MqttOptions> mqtt,
    MqttIngestion ingestion, ScanProcessor processor, IHostApplicationLifetime lifetime, ClusterLeadership leadership,
    TimeProvider clock, ILoggerFactory loggers) : BackgroundService
{
    private static readonly TimeSpan BrokerWait = TimeSpan.FromSeconds(30);

    private readonly ILogger _logger = loggers.CreateLogger<DemoPlayer>();

    /// <summary>Loads the morning for the demo event in the database and connects its sensors; null when there is nothing to play.</summary>
    public async Task<DemoLiveSession?> StartSessionAsync(int seed, CancellationToken ct)
    {
        var (brokerHost, brokerPort) = await BrokerAsync(ct);
        return await DemoLiveSession.StartAsync(scopes, processor, options.Value, brokerHost, brokerPort, seed, clock,
            loggers.CreateLogger<DemoLiveSession>(), ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        try
        {
            await WaitForStartAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var lead = leadership.LeadAsync(stoppingToken);
                if (!lead.IsCompleted)
                {
                    _logger.LogInformation("Live demo: another server process leads and plays the morning; this one plays if it takes over");
                }

                var term = await lead;
                using var playing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, term);
                try
                {
                    await PlayAsync(settings, playing.Token);
                    return;
                }
                catch (OperationCanceledException) when (term.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
                {
                    _logger.LogWarning("Live demo: this server process no longer leads; it stops playing and the new leader plays on");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "The live demo stopped; the server runs on");
        }
    }

    /// <summary>True while this process plays the morning (or keeps its sensors sending after it).</summary>
    public bool Playing { get; private set; }

    private async Task PlayAsync(DemoLiveOptions settings, CancellationToken ct)
    {
        await using var session = await StartSessionAsync(settings.Seed, ct);
        if (session is null)
        {
            return;
        }

        try
        {
            Playing = true;
            var resumedAt = session.ResumedAt ?? TimeSpan.Zero;
            if (session.Finished)
            {
                _logger.LogInformation("Live demo: the opening morning was played before this start and is not played again (`summit demo --reset` "
                    + "plays it from the start); the working sensors keep sending");
            }
            else if (session.ResumedAt is not null)
            {
                _logger.LogInformation("Live demo: the opening morning carries on from minute {Minute:0} of {Length:0}, where the last run stopped, at {Speed}x",
                    resumedAt.TotalMinutes, session.Script.Length.TotalMinutes, settings.Speed);
            }
            else
            {
                _logger.LogInformation("Live demo: playing the opening morning ({Scans} scans, {Fevers} fevers, sensor {Broken} breaks, {Zone} fills, "
                    + "{FaceLane} VIPs come to the face lane, a lent badge at minute {LentBadge}) at {Speed}x: {Minutes:0.0} minutes. Open /operations "
                    + "to watch it", session.Script.Scans, session.Script.Fevers, session.Script.BrokenSensor ?? "none", session.Script.CrowdedZone ?? "no zone",
                    session.Script.FaceLaneArrivals, session.Script.LentBadgeAt?.TotalMinutes.ToString("0", CultureInfo.InvariantCulture) ?? "none",
                    settings.Speed, session.Script.Length.TotalMinutes / settings.Speed);
            }

            // A resumed morning goes on from where it stood, as if it had started that much earlier.
            var started = clock.GetUtcNow() - resumedAt / settings.Speed;
            var finished = session.Finished;
            while (!ct.IsCancellationRequested)
            {
                var scriptTime = (clock.GetUtcNow() - started) * settings.Speed;
                await session.PlayUntilAsync(scriptTime, ct);
                if (!finished && session.Finished)
                {
                    finished = true;
                    _logger.LogInformation("Live demo: the morning is over ({Summary}); the working sensors keep sending until Summit stops",
                        session.Stats.Summary());
                }

                await Task.Delay(settings.Tick, clock, ct);
            }

            ct.ThrowIfCancellationRequested();
        }
        finally
        {
            Playing = false;
        }
    }

    private async Task WaitForStartAsync(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(ct);
    }

    /// <summary>Where the sensors publish: Summit's own broker once it listens, or the external one; null host when there is none.</summary>
    private async Task<(string? Host, int Port)> BrokerAsync(CancellationToken ct)
    {
        var settings = mqtt.Value;
        if (!ingestion.Enabled)
        {
            _logger.LogWarning("Live demo: MQTT ingestion is off, so the demo sensors send nothing (scans still play)");
            return (null, 0);
        }

        try
        {
            await ingestion.Ready.WaitAsync(BrokerWait, clock, ct);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Live demo: Summit does not take MQTT readings yet after {Wait}; the sensors try anyway", BrokerWait);
        }

        if (settings.UsesExternalBroker)
        {
            return (settings.BrokerHost, settings.BrokerPort);
        }

        // The broker listens on one address (loopback by default); "any" is reached through loopback.
        return ingestion.BrokerEndpoint is not { } endpoint ? (null, 0)
            : endpoint.Address.Equals(IPAddress.Any) ? ("127.0.0.1", endpoint.Port)
            : endpoint.Address.Equals(IPAddress.IPv6Any) ? ("::1", endpoint.Port)
            : (endpoint.Address.ToString(), endpoint.Port);
    }
}
