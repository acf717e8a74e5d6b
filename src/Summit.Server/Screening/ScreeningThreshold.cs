using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Cluster;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Screening;

/// <summary>
/// The fever threshold in force: the current event's own (set by an admin), else Summit:Screening:ThresholdCelsius. Kept in
/// memory because every ingestion batch asks for it; a change is signalled to every server process (<see cref="ClusterSignals"/>),
/// and each forgets its copy.
/// </summary>
public sealed class ScreeningThreshold
{
    public const string ChangedTopic = "screening.threshold";

    private readonly IServiceScopeFactory _scopes;
    private readonly IOptionsMonitor<ScreeningOptions> _options;
    private readonly ClusterSignals _signals;
    private volatile Cached? _cached;

    /// <summary>Counts the changes signalled: a value read before one is not kept after it.</summary>
    private int _changes;

    public ScreeningThreshold(IServiceScopeFactory scopes, IOptionsMonitor<ScreeningOptions> options, ClusterSignals signals)
    {
        _scopes = scopes;
        _options = options;
        _signals = signals;
        _signals.Subscribe(ChangedTopic, _ => Forget());
        _signals.Subscribe(ClusterSignals.ReconnectedTopic, _ => Forget());
    }

    private sealed record Cached(double Celsius);

    public async Task<double> GetAsync(CancellationToken ct = default)
    {
        if (_cached is { } cached)
        {
            return cached.Celsius;
        }

        var changes = Volatile.Read(ref _changes);
        await using var scope = _scopes.CreateAsyncScope();
        var stored = await StoredAsync(scope.ServiceProvider, ct);
        var celsius = stored?.ThresholdCelsius ?? _options.CurrentValue.ThresholdCelsius;
        if (Volatile.Read(ref _changes) == changes)
        {
            _cached = new Cached(celsius);
        }

        return celsius;
    }

    /// <summary>Tells every server process that the threshold changed (after the change is committed).</summary>
    public Task ChangedAsync(CancellationToken ct = default) => _signals.PublishAsync(ChangedTopic, ct: ct);

    private void Forget()
    {
        Interlocked.Increment(ref _changes);
        _cached = null;
    }

    internal static async Task<ScreeningEventSettings?> StoredAsync(IServiceProvider provider, CancellationToken ct)
    {
        var summitEvent = await provider.GetRequiredService<IEventCalendar>().FindCurrentAsync(ct);
        return summitEvent is null ? null
            : await provider.GetRequiredService<SummitDbContext>().Set<ScreeningEventSettings>().AsNoTracking()
                .FirstOrDefaultAsync(s => s.EventId == summitEvent.Id, ct);
    }
}
