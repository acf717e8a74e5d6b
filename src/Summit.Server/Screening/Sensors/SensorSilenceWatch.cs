using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Access.Contracts;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Cluster;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Screening.Sensors;

/// <summary>
/// Raises an equipment incident (cause "sensor.silent", at the sensor's gate) when an active sensor has sent no accepted reading
/// for <see cref="ScreeningOptions.SilenceAfter"/>: once per silence, since the sensor's next reading ends the silence. Each
/// silence is also kept as a <see cref="SensorSilence"/> record, the closing report's evidence of sensors that went quiet.
/// Time comes from <see cref="TimeProvider"/>, so tests move a fake clock and call <see cref="CheckAsync"/>.
/// </summary>
public sealed class SensorSilenceWatch(IServiceScopeFactory scopes, IOptionsMonitor<ScreeningOptions> options, TimeProvider clock, ClusterLeadership leadership,
    ILogger<SensorSilenceWatch> logger) : BackgroundService
{
    public const string SilentCause = "sensor.silent";

    private readonly SemaphoreSlim _checking = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.CurrentValue.SilenceCheckInterval, clock, stoppingToken);
            try
            {
                if (await leadership.LeadsAsync(stoppingToken))
                {
                    await CheckAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The sensor silence check failed; trying again at the next interval");
            }
        }
    }

    /// <summary>Marks newly silent sensors and reports each; returns how many became silent.</summary>
    public async Task<int> CheckAsync(CancellationToken ct = default)
    {
        await _checking.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            provider.GetRequiredService<CurrentActor>().Use(new Actor(null, "screening", null));
            var db = provider.GetRequiredService<SummitDbContext>();
            var localizer = provider.GetRequiredService<Localizer>();
            var now = clock.GetUtcNow();
            var limit = now - options.CurrentValue.SilenceAfter;
            var candidates = await db.Set<Sensor>().Where(s => s.RevokedAt == null && s.SilentSince == null).ToListAsync(ct);
            var silent = candidates.Where(s => (s.LastSeenAt ?? s.CreatedAt) <= limit).ToList();
            if (silent.Count == 0)
            {
                return 0;
            }

            var reporter = provider.GetService<IIncidentReporter>();
            var gates = (await provider.GetRequiredService<IZoneDirectory>().ListGatesAsync(ct)).ToDictionary(g => g.Id, g => g.Code);
            var zone = await provider.GetRequiredService<IEventCalendar>().TimeZoneAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var sensor in silent)
            {
                sensor.SilentSince = now;
                db.Set<SensorSilence>().Add(new SensorSilence
                {
                    EventId = sensor.EventId,
                    SensorId = sensor.Id,
                    GateId = sensor.GateId,
                    QuietSince = sensor.LastSeenAt ?? sensor.CreatedAt,
                    ReportedAt = now,
                });
                var gateCode = gates.GetValueOrDefault(sensor.GateId, "?");
                var since = EventTime.Format(sensor.LastSeenAt ?? sensor.CreatedAt, zone, TimeStyle.DateTimeSeconds);
                if (reporter is null)
                {
                    logger.LogWarning("Sensor {Sensor} at gate {Gate} is silent since {Since}; no incident reporter is registered", sensor.Code, gateCode, since);
                    continue;
                }

                await reporter.ReportAsync(new AutomaticIncidentReport(IncidentType.Equipment, IncidentSeverity.Medium, SilentCause,
                    new IncidentPlace(GateId: sensor.GateId),
                    IncidentText.Of("screening.incident.silent_title", sensor.Code, gateCode),
                    new IncidentEvidence("sensor", sensor.Id.ToString(),
                        localizer.Format(Localizer.English, "screening.incident.silent_evidence", sensor.Code, since),
                        localizer.Format(Localizer.Chinese, "screening.incident.silent_evidence", sensor.Code, since))), ct);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return silent.Count;
        }
        finally
        {
            _checking.Release();
        }
    }
}
