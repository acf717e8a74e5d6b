using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Events.Contracts;
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
        var summitEvent = await provider.GetRequiredService<IEventCalendar>().FindCurrentAsync(ct);
        return summitEvent is null ? null
            : await provider.GetRequiredService<SummitDbContext>().Set<ScreeningEventSettings>().AsNoTracking()
                .FirstOrDefaultAsync(s => s.EventId == summitEvent.Id, ct);
    }
}
