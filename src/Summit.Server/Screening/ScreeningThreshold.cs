using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Events;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Screening;

/// <summary>
/// The fever threshold in force: the current event's own (set by an admin), else Summit:Screening:ThresholdCelsius. Kept in
/// memory because every ingestion batch asks for it; <see cref="ScreeningSettingsService"/> forgets it when it changes.
/// </summary>
public sealed class ScreeningThreshold(IServiceScopeFactory scopes, IOptionsMonitor<ScreeningOptions> options)
{
    private sealed record Cached(double Celsius);

    private volatile Cached? _cached;

    public async Task<double> GetAsync(CancellationToken ct = default)
    {
        if (_cached is { } cached)
        {
            return cached.Celsius;
        }

        await using var scope = scopes.CreateAsyncScope();
        var stored = await StoredAsync(scope.ServiceProvider, ct);
        var celsius = stored?.ThresholdCelsius ?? options.CurrentValue.ThresholdCelsius;
        _cached = new Cached(celsius);
        return celsius;
    }

    public void Forget() => _cached = null;

    internal static async Task<ScreeningEventSettings?> StoredAsync(IServiceProvider provider, CancellationToken ct)
    {
        var summitEvent = await provider.GetRequiredService<EventService>().FindCurrentAsync(ct);
        return summitEvent is null ? null
            : await provider.GetRequiredService<SummitDbContext>().Set<ScreeningEventSettings>().AsNoTracking()
                .FirstOrDefaultAsync(s => s.EventId == summitEvent.Id, ct);
    }
}

/// <param name="FromEvent">False while the event has no threshold of its own and the configured default applies.</param>
public sealed record ThresholdView(double ThresholdCelsius, double DefaultCelsius, bool FromEvent, DateTimeOffset? UpdatedAt, string? UpdatedBy);

public sealed record ThresholdInput(double ThresholdCelsius);

/// <summary>An admin sets the current event's fever threshold; every change is in the audit log with the old and new value.</summary>
public sealed class ScreeningSettingsService(SummitDbContext db, EventService events, ScreeningThreshold threshold, IServiceProvider provider,
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
        threshold.Forget();
        return await GetThresholdAsync(ct);
    }
}
