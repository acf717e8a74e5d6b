using Summit.Access.Core;
using Summit.Server.Access.Contracts;

namespace Summit.Server.Operations.Dashboard;

/// <summary>
/// Counts scans as they come from the live feed, so the dashboard never goes back to the scans table per scan: per gate and
/// minute for the throughput chart (the last <see cref="KeptMinutes"/> minutes), and refusals per reason since the start of the
/// event's day. Started once from the database (<see cref="Seed"/>), then kept up by <see cref="Add"/>. Thread-safe.
/// </summary>
public sealed class ScanTally
{
    public const int KeptMinutes = 60;

    private readonly Lock _lock = new();
    private readonly Dictionary<(Guid Gate, long Minute), Counts> _minutes = [];
    private readonly Dictionary<ReasonCode, int> _refusals = [];
    private readonly HashSet<Guid> _seeded = [];
    private List<ScanTallyItem> _early = [];
    private DateTimeOffset _dayStart = DateTimeOffset.MinValue;
    private long _newest;

    /// <summary>Scans counted since the tally started (the seed included).</summary>
    public long Seen { get; private set; }

    /// <summary>
    /// Starts from the database: the recent scans for the chart, the day's refusals per reason. Until then, scans from the feed
    /// wait; those the seed did not see count afterwards, and a seeded scan that the feed brings later counts once.
    /// </summary>
    public void Seed(DateTimeOffset dayStart, IReadOnlyDictionary<ReasonCode, int> refusalsToday, IEnumerable<ScanTallyItem> recent)
    {
        lock (_lock)
        {
            _minutes.Clear();
            _refusals.Clear();
            _seeded.Clear();
            _dayStart = dayStart;
            foreach (var (reason, count) in refusalsToday)
            {
                _refusals[reason] = count;
            }

            foreach (var scan in recent)
            {
                _seeded.Add(scan.ScanId);
                Bucket(scan);
            }

            IsSeeded = true;
            var early = _early;
            _early = [];
            CountAll(early);
        }
    }

    public bool IsSeeded { get; private set; }

    /// <summary>Counts scans from the feed (before the seed, keeps them for it).</summary>
    public void Add(IEnumerable<ScanTallyItem> scans)
    {
        lock (_lock)
        {
            if (!IsSeeded)
            {
                _early.AddRange(scans);
                return;
            }

            CountAll(scans);
        }
    }

    /// <summary>
    /// Starts again from the database at the next <see cref="Seed"/>: the feed may have missed scans of other server processes (its
    /// signal connection dropped). Scans that come meanwhile wait for the seed.
    /// </summary>
    public void Unseed()
    {
        lock (_lock)
        {
            IsSeeded = false;
            Seen = 0;
        }
    }

    /// <summary>The feed has long delivered every scan the seed saw: their ids need not be kept.</summary>
    public void ForgetSeed()
    {
        lock (_lock)
        {
            _seeded.Clear();
        }
    }

    /// <summary>A new event day: the refusals start from zero (every scan after the day's start comes through the feed).</summary>
    public void StartDay(DateTimeOffset dayStart)
    {
        lock (_lock)
        {
            if (dayStart > _dayStart)
            {
                _dayStart = dayStart;
                _refusals.Clear();
                _seeded.Clear();
            }
        }
    }

    public DateTimeOffset DayStart
    {
        get
        {
            lock (_lock)
            {
                return _dayStart;
            }
        }
    }

    /// <summary>All gates together, minute by minute, for the last <paramref name="minutes"/> minutes up to the one now running.</summary>
    public IReadOnlyList<ThroughputMinute> Throughput(DateTimeOffset now, int minutes, Guid? gateId = null)
    {
        var last = MinuteOf(now);
        var count = Math.Clamp(minutes, 1, KeptMinutes);
        lock (_lock)
        {
            return [.. Enumerable.Range(0, count).Select(i => last - (count - 1 - i)).Select(minute =>
            {
                var total = new Counts();
                foreach (var ((gate, m), counts) in _minutes)
                {
                    if (m == minute && (gateId is null || gate == gateId))
                    {
                        total = total.Plus(counts);
                    }
                }

                return new ThroughputMinute(new DateTimeOffset(minute * TimeSpan.TicksPerMinute, TimeSpan.Zero), total.Entries, total.Exits, total.Refusals);
            })];
        }
    }

    /// <summary>Each gate's scans in the last <paramref name="minutes"/> minutes, the running one included.</summary>
    public IReadOnlyDictionary<Guid, ThroughputMinute> PerGate(DateTimeOffset now, int minutes)
    {
        var last = MinuteOf(now);
        var first = last - Math.Clamp(minutes, 1, KeptMinutes) + 1;
        lock (_lock)
        {
            return _minutes.Where(m => m.Key.Minute >= first && m.Key.Minute <= last).GroupBy(m => m.Key.Gate).ToDictionary(g => g.Key, g =>
            {
                var total = g.Aggregate(new Counts(), (sum, m) => sum.Plus(m.Value));
                return new ThroughputMinute(new DateTimeOffset(first * TimeSpan.TicksPerMinute, TimeSpan.Zero), total.Entries, total.Exits, total.Refusals);
            });
        }
    }

    /// <summary>Refusals of the day per reason, most frequent first.</summary>
    public IReadOnlyList<RefusalCount> Refusals()
    {
        lock (_lock)
        {
            return [.. _refusals.Where(r => r.Value > 0).OrderByDescending(r => r.Value).ThenBy(r => r.Key).Select(r => new RefusalCount(r.Key, r.Value))];
        }
    }

    private void CountAll(IEnumerable<ScanTallyItem> scans)
    {
        foreach (var scan in scans)
        {
            if (_seeded.Count > 0 && _seeded.Remove(scan.ScanId))
            {
                continue;
            }

            Bucket(scan);
            if (!scan.Admitted && scan.ScannedAt >= _dayStart)
            {
                _refusals[scan.Reason] = _refusals.GetValueOrDefault(scan.Reason) + 1;
            }
        }
    }

    private void Bucket(ScanTallyItem scan)
    {
        Seen++;
        var minute = MinuteOf(scan.ScannedAt);
        if (minute > _newest)
        {
            _newest = minute;
            // Minutes that slid out of the window are dropped as time moves on, so the tally stays small.
            foreach (var old in _minutes.Keys.Where(k => k.Minute <= _newest - KeptMinutes).ToList())
            {
                _minutes.Remove(old);
            }
        }

        if (minute <= _newest - KeptMinutes)
        {
            return;
        }

        var key = (scan.GateId, minute);
        var counts = _minutes.GetValueOrDefault(key);
        _minutes[key] = !scan.Admitted ? counts with { Refusals = counts.Refusals + 1 }
            : scan.Direction == GateDirection.Exit ? counts with { Exits = counts.Exits + 1 }
            : counts with { Entries = counts.Entries + 1 };
    }

    private static long MinuteOf(DateTimeOffset time) => time.UtcTicks / TimeSpan.TicksPerMinute;

    private readonly record struct Counts(int Entries, int Exits, int Refusals)
    {
        public Counts Plus(Counts other) => new(Entries + other.Entries, Exits + other.Exits, Refusals + other.Refusals);
    }
}
