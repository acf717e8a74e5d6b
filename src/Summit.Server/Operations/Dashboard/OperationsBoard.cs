using System.Globalization;
using System.Threading.Channels;
using Summit.Server.Access.Contracts;
using Summit.Server.Events.Contracts;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Cluster;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Operations.Dashboard;

/// <summary>
/// The live read model of the operations dashboard: one snapshot for every open screen, rebuilt when something changed (a batch
/// of scans, a guest's status, a change another module's live feed reports) at most once per <see cref="MinInterval"/>, and every
/// <see cref="Heartbeat"/> so that clocks and the chart's window move on. Scans are counted from the live feed in memory
/// (<see cref="ScanTally"/>); a refresh asks the database only for small grouped counts (people inside per zone, guests per
/// category and status), so 500 scans a second cost four refreshes a second, not 500 queries. Raises crowding incidents.
/// </summary>
public sealed class OperationsBoard(IServiceScopeFactory scopes, IScanFeed feed, IEnumerable<IDashboardChangeSource> changeSources,
    ClusterSignals signals, Localizer localizer, TimeProvider clock, ILogger<OperationsBoard> logger) : BackgroundService
{
    /// <summary>Another server process changed something the board shows that no feed carries (a guest's status).</summary>
    public const string ChangedTopic = "operations.changed";

    /// <summary>A burst of changes makes one refresh per this interval: fast enough for "within a second", cheap under load.</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    /// <summary>
    /// With no screen open and no recent API reader, changes make one refresh per this interval instead: crowding is still
    /// watched, but a gate rush does not pay four rebuilds a second for nobody.
    /// </summary>
    public static readonly TimeSpan UnwatchedInterval = TimeSpan.FromSeconds(2);

    /// <summary>An API reader counts as watching for this long after its last read.</summary>
    private static readonly TimeSpan ApiReaderWindow = TimeSpan.FromSeconds(10);

    /// <summary>After this, the feed has delivered every scan the seed could have seen twice.</summary>
    private static readonly TimeSpan SeedOverlap = TimeSpan.FromMinutes(1);

    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly ScanTally _tally = new();
    private readonly CrowdingMonitor _crowding = new();
    private readonly LatencyWindow _latency = new(4096);
    private readonly Lock _lock = new();
    private List<DateTimeOffset> _unpublished = [];
    private Action<DashboardSnapshot>[] _subscribers = [];
    private DashboardSnapshot? _current;
    private DateTimeOffset? _seededAt;
    private bool _reporterMissingLogged;
    private long _apiWatchedUntilTicks;

    /// <summary>The latest snapshot, or null before the first refresh.</summary>
    public DashboardSnapshot? Current => Volatile.Read(ref _current);

    /// <summary>Calls the handler with every new snapshot, on the refreshing thread: it must return quickly (a page queues a render).</summary>
    public IDisposable Subscribe(Action<DashboardSnapshot> handler)
    {
        handler = SubscriberCulture.Keep(handler);
        lock (_lock)
        {
            _subscribers = [.. _subscribers, handler];
        }

        return new Subscription(() =>
        {
            lock (_lock)
            {
                _subscribers = [.. _subscribers.Where(s => s != handler)];
            }
        });
    }

    /// <summary>Something the dashboard shows has changed: a refresh follows soon (many requests make one refresh).</summary>
    public void RequestRefresh() => _wake.Writer.TryWrite(true);

    /// <summary>A saved change that no feed carries: this board and those of the other server processes refresh soon.</summary>
    public void RequestRefreshEverywhere()
    {
        RequestRefresh();
        signals.Relay(ChangedTopic, "");
    }

    /// <summary>The current snapshot, or a fresh one when there is none yet.</summary>
    public async Task<DashboardSnapshot> GetAsync(CancellationToken ct = default)
    {
        Volatile.Write(ref _apiWatchedUntilTicks, (clock.GetUtcNow() + ApiReaderWindow).UtcTicks);
        return Current ?? await RefreshNowAsync(ct);
    }

    private bool Watched => _subscribers.Length > 0 || clock.GetUtcNow().UtcTicks < Volatile.Read(ref _apiWatchedUntilTicks);

    /// <summary>Rebuilds the snapshot now and publishes it. One refresh at a time: crowding episodes are judged in order.</summary>
    public async Task<DashboardSnapshot> RefreshNowAsync(CancellationToken ct = default)
    {
        await _refreshing.WaitAsync(ct);
        try
        {
            List<DateTimeOffset> included;
            lock (_lock)
            {
                // Scans counted so far are in this snapshot; those that come during the refresh wait for the next.
                included = _unpublished;
                _unpublished = [];
            }

            var snapshot = await BuildAsync(ct);
            Volatile.Write(ref _current, snapshot);
            var published = clock.GetUtcNow();
            _latency.AddRange(included.Select(received => (published - received).TotalMilliseconds));
            foreach (var subscriber in _subscribers)
            {
                try
                {
                    subscriber(snapshot);
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "A dashboard screen failed to take a snapshot");
                }
            }

            return snapshot;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = feed.Subscribe(OnScans);
        var others = changeSources.Select(source => source.Subscribe(RequestRefresh)).ToList();
        others.Add(signals.Subscribe(ChangedTopic, _ => RequestRefresh()));
        others.Add(signals.Subscribe(ClusterSignals.ReconnectedTopic, _ =>
        {
            // Scans relayed by other processes meanwhile are lost: count again from the database.
            _tally.Unseed();
            RequestRefresh();
        }));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await WaitForWorkAsync(stoppingToken);
                try
                {
                    await RefreshNowAsync(stoppingToken);
                }
                catch (SummitException ex)
                {
                    // No event yet (a fresh install): nothing to show until one is made.
                    logger.LogDebug("The operations dashboard has nothing to show yet: {Code}", ex.Error.Code);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The screens keep the last snapshot (its time shows its age); the next change or heartbeat tries again.
                    logger.LogWarning(ex, "The operations dashboard could not refresh");
                }

                await Task.Delay(Watched ? MinInterval : UnwatchedInterval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            others.ForEach(s => s.Dispose());
        }
    }

    private Task OnScans(IReadOnlyList<LiveScan> scans)
    {
        _tally.Add(scans.Select(s => s.Scan));
        lock (_lock)
        {
            _unpublished.AddRange(scans.Select(s => s.ReceivedAt));
        }

        RequestRefresh();
        return Task.CompletedTask;
    }

    private async Task WaitForWorkAsync(CancellationToken ct)
    {
        using var heartbeat = new CancellationTokenSource(Heartbeat, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, heartbeat.Token);
        try
        {
            await _wake.Reader.ReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The heartbeat: refresh anyway.
        }
    }

    private async Task<DashboardSnapshot> BuildAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<CurrentActor>().Use(new Actor(null, "operations-dashboard", null));
        var summitEvent = await services.GetRequiredService<IEventCalendar>().GetCurrentAsync(ct);
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(summitEvent.TimeZoneId);
        var now = clock.GetUtcNow();
        var dayStart = LocalDayStart(now, timeZone);
        var access = services.GetRequiredService<IAccessMonitor>();

        if (!_tally.IsSeeded)
        {
            var refusals = await access.RefusalsSinceAsync(dayStart, ct);
            var recent = await access.ScansSinceAsync(now.AddMinutes(-ScanTally.KeptMinutes), ct);
            _tally.Seed(dayStart, refusals, recent);
            _seededAt = now;
        }
        else
        {
            _tally.StartDay(dayStart);
            if (_seededAt is { } seeded && now - seeded > SeedOverlap)
            {
                _tally.ForgetSeed();
                _seededAt = null;
            }
        }

        var zones = new List<ZoneTile>();
        foreach (var zone in await access.ZonesNowAsync(ct))
        {
            if (_crowding.Observe(zone.ZoneId, zone.Load) == CrowdingChange.Raised && !await RaiseCrowdingAsync(services, zone, now, timeZone, ct))
            {
                _crowding.Rearm(zone.ZoneId);
            }

            zones.Add(ZoneLoad.Tile(zone, _crowding.IsCrowded(zone.ZoneId)));
        }

        var perGate = _tally.PerGate(now, DashboardSnapshot.RateMinutes);
        var gates = (await access.GatesAsync(ct)).Select(g =>
        {
            var counts = perGate.GetValueOrDefault(g.GateId);
            return new GateRate(g.GateId, g.Code, g.NameEn, g.NameZh, g.IsOpen, counts?.Entries ?? 0, counts?.Exits ?? 0, counts?.Refusals ?? 0,
                DashboardSnapshot.RateMinutes);
        }).ToList();

        var directory = services.GetRequiredService<IGuestDirectory>();
        var pipeline = ArrivalsPipeline.Build(await directory.CategoriesAsync(summitEvent.Id, ct), await directory.CountByCategoryAndStatusAsync(summitEvent.Id, ct));

        var screening = await ReadPanelAsync("screening", () => services.GetRequiredService<IScreeningDashboardSource>().ReadAsync(ct));
        var incidents = await ReadPanelAsync("incidents", () => services.GetRequiredService<IIncidentDashboardSource>().OpenAsync(ct));

        var version = (Current?.Version ?? 0) + 1;
        return new DashboardSnapshot(version, now, summitEvent.TimeZoneId, pipeline, zones, _tally.Throughput(now, DashboardSnapshot.ChartMinutes), gates,
            _tally.Refusals(), screening, incidents, _tally.Seen, _latency.Summary());
    }

    /// <summary>A panel of another module that fails to read shows as unavailable (null); the rest of the screen still moves.</summary>
    private async Task<T?> ReadPanelAsync<T>(string panel, Func<Task<T>> read) where T : class
    {
        try
        {
            return await read();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The {Panel} panel of the operations dashboard could not be read", panel);
            return null;
        }
    }

    /// <summary>Raises the episode's incident; false when it could not be raised, so the next refresh tries again.</summary>
    private async Task<bool> RaiseCrowdingAsync(IServiceProvider services, ZoneOccupancy zone, DateTimeOffset now, TimeZoneInfo timeZone, CancellationToken ct)
    {
        if (services.GetService<IIncidentReporter>() is not { } reporter)
        {
            if (!_reporterMissingLogged)
            {
                logger.LogWarning("Zone {Zone} is crowded, but no incident module is installed to raise an incident; the plan shows it", zone.Code);
                _reporterMissingLogged = true;
            }

            return true;
        }

        var percent = Math.Round((zone.Load ?? 0) * 100).ToString(CultureInfo.InvariantCulture);
        var time = EventTime.Format(now, timeZone, TimeStyle.Seconds);
        try
        {
            await reporter.ReportAsync(new AutomaticIncidentReport(IncidentType.Crowding, IncidentSeverity.High, "zone.crowded", new IncidentPlace(ZoneId: zone.ZoneId),
                IncidentText.Of("dashboard.crowding.title", zone.Code, new IncidentTextArgument(zone.NameEn, zone.NameZh)),
                new IncidentEvidence("zone", zone.ZoneId.ToString(),
                    localizer.Format(Localizer.English, "dashboard.crowding.evidence", zone.Inside, zone.Capacity, percent, time),
                    localizer.Format(Localizer.Chinese, "dashboard.crowding.evidence", zone.Inside, zone.Capacity, percent, time))), ct);
            logger.LogInformation("Zone {Zone} crowded ({Inside} of {Capacity}): incident raised", zone.Code, zone.Inside, zone.Capacity);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The crowding incident of zone {Zone} could not be raised; retrying at the next refresh", zone.Code);
            return false;
        }
    }

    private static DateTimeOffset LocalDayStart(DateTimeOffset now, TimeZoneInfo timeZone)
    {
        var midnight = TimeZoneInfo.ConvertTime(now, timeZone).Date;
        // In UTC: PostgreSQL stores instants and takes no other offset.
        return new DateTimeOffset(midnight, timeZone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    public override void Dispose()
    {
        _refreshing.Dispose();
        base.Dispose();
    }
}
