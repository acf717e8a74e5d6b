using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Screening;

/// <summary>An admin sets the current event's fever threshold; every change is in the audit log with the old and new value.</summary>
public sealed class ScreeningSettingsService(SummitDbContext db, IEventCalendar events, ScreeningThreshold threshold, IServiceProvider provider,
    IOptionsMonitor<ScreeningOptions> options, AuditLog audit, CurrentActor actor, TimeProvider clock)
{
    /// <summary>A body-temperature threshold outside this range would stop every lane or none.</summary>
    public const double MinCelsius = 35.0;

    public const double MaxCelsius = 42.0;

    public async Task<ThresholdView> GetThresholdAsync(CancellationToken ct = default)
    {
        var stored = await ScreeningThreshold.StoredAsync(provider, ct);
        var fallback = options.CurrentValue.ThresholdCelsius;
        return new ThresholdView(stored?.ThresholdCelsius ?? fallback, fallback, stored is not null, stored?.UpdatedAt, stored?.UpdatedBy);
    }

    public async Task<ThresholdView> SetThresholdAsync(ThresholdInput input, CancellationToken ct = default)
    {
        // One decimal, as thermometers show it: 37.25 would read as 37.3 on the page but stop someone at 37.26.
        var celsius = Math.Round(input.ThresholdCelsius, 1, MidpointRounding.AwayFromZero);
        if (!double.IsFinite(input.ThresholdCelsius) || celsius < MinCelsius || celsius > MaxCelsius)
        {
            throw new SummitException(SummitError.Of(ScreeningErrors.ThresholdOutOfRange, input.ThresholdCelsius, MinCelsius, MaxCelsius));
        }

        var summitEvent = await events.GetCurrentAsync(ct);
        var before = await GetThresholdAsync(ct);
        var settings = await db.Set<ScreeningEventSettings>().FirstOrDefaultAsync(s => s.EventId == summitEvent.Id, ct);
        if (settings is null)
        {
            settings = new ScreeningEventSettings { EventId = summitEvent.Id };
            db.Set<ScreeningEventSettings>().Add(settings);
        }

        settings.ThresholdCelsius = celsius;
        settings.UpdatedAt = clock.GetUtcNow();
        settings.UpdatedBy = (await actor.GetAsync()).Name;
        await audit.RecordAsync(ScreeningAudit.ThresholdChanged, "screening_settings", summitEvent.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["thresholdCelsius"] = (before.ThresholdCelsius, celsius),
        });
        await db.SaveChangesAsync(ct);
        await threshold.ChangedAsync(ct);
        return await GetThresholdAsync(ct);
    }
}
