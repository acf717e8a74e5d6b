using Microsoft.EntityFrameworkCore;
using Summit.Access.Core;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Domain;
using Summit.Server.Events.Contracts;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Monitoring;

/// <summary>Reads for the people who watch the gates: who is inside each zone now, entries per gate per minute, scans and conflicts.</summary>
public sealed class AccessQueries(SummitDbContext db, AccessSettingsService settings, IEventCalendar events, IGuestDirectory guests, AuditLog audit,
    CurrentActor actor, TimeProvider clock) : IAccessMonitor
{
    /// <summary>People inside each zone now (since the zone's daily reset) and each gate's flow over the last <paramref name="minutes"/> minutes.</summary>
    public async Task<OccupancyView> OccupancyAsync(int minutes = 30, CancellationToken ct = default)
    {
        var (summitEvent, _) = await settings.GetAsync(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(summitEvent.TimeZoneId);
        var now = clock.GetUtcNow();
        var zones = await db.Zones.AsNoTracking().Where(z => z.EventId == summitEvent.Id).OrderBy(z => z.SortOrder).ThenBy(z => z.Number).ToListAsync(ct);
        var inside = await db.ZonePresence.AsNoTracking().Where(p => p.EventId == summitEvent.Id && p.Inside)
            .Select(p => new { p.Zone, p.GuestId, p.DayStart }).ToListAsync(ct);
        var occupancy = zones.Select(z =>
        {
            // An entry before today's reset no longer counts: a forgotten exit yesterday is not someone inside today.
            var dayStart = AccessDay.Start(now, zone, z.DailyReset);
            var count = inside.Where(p => p.Zone == z.Number && p.DayStart >= dayStart).Select(p => p.GuestId).Distinct().Count();
            return new ZoneOccupancy(z.Number, z.Code, z.NameEn, z.NameZh, z.Venue, z.Capacity, count, z.Id, z.Plan);
        }).ToList();

        var window = Math.Clamp(minutes, 1, 24 * 60);
        var from = now.AddMinutes(-window);
        var scans = await db.Scans.AsNoTracking().Where(s => s.EventId == summitEvent.Id && s.ScannedAt >= from)
            .Select(s => new { s.GateId, s.ScannedAt, s.Admitted, s.Direction }).ToListAsync(ct);
        var gates = await db.Gates.AsNoTracking().Where(g => g.EventId == summitEvent.Id).OrderBy(g => g.Number).ToListAsync(ct);
        var flows = gates.Select(g =>
        {
            var byMinute = scans.Where(s => s.GateId == g.Id).GroupBy(s => Minute(s.ScannedAt)).ToDictionary(m => m.Key);
            var series = Enumerable.Range(0, window + 1).Select(i => Minute(from.AddMinutes(i))).Distinct().Select(m =>
                byMinute.TryGetValue(m, out var s)
                    ? new GateMinute(m, s.Count(x => x.Admitted && x.Direction == GateDirection.Entry), s.Count(x => x.Admitted && x.Direction == GateDirection.Exit),
                        s.Count(x => !x.Admitted))
                    : new GateMinute(m, 0, 0, 0)).ToList();
            return new GateFlow(g.Id, g.Code, g.NameEn, g.NameZh, g.IsOpen, series);
        }).ToList();
        return new OccupancyView(now, occupancy, flows);
    }

    // The live-tally reads below take the event without its access settings: they only read, and a background reader must not
    // race a request to create the settings row.

    /// <summary>
    /// People inside each zone now, counted by the database (one grouped query over the presence rows, however many people are
    /// inside): cheap enough for a live screen to ask several times a second.
    /// </summary>
    public async Task<List<ZoneOccupancy>> ZonesNowAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(summitEvent.TimeZoneId);
        var now = clock.GetUtcNow();
        var zones = await db.Zones.AsNoTracking().Where(z => z.EventId == summitEvent.Id).OrderBy(z => z.SortOrder).ThenBy(z => z.Number).ToListAsync(ct);
        var counts = await db.ZonePresence.AsNoTracking().Where(p => p.EventId == summitEvent.Id && p.Inside)
            .GroupBy(p => new { p.Zone, p.DayStart }).Select(g => new { g.Key.Zone, g.Key.DayStart, People = g.Select(p => p.GuestId).Distinct().Count() })
            .ToListAsync(ct);
        return [.. zones.Select(z =>
        {
            // As in OccupancyAsync: an entry before today's reset is not someone inside today.
            var dayStart = AccessDay.Start(now, timeZone, z.DailyReset);
            var inside = counts.Where(c => c.Zone == z.Number && c.DayStart >= dayStart).Sum(c => c.People);
            return new ZoneOccupancy(z.Number, z.Code, z.NameEn, z.NameZh, z.Venue, z.Capacity, inside, z.Id, z.Plan);
        })];
    }

    /// <summary>The event's gates (id, code, names, zone, open or closed), in number order.</summary>
    public async Task<List<GateFlow>> GatesAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var gates = await db.Gates.AsNoTracking().Where(g => g.EventId == summitEvent.Id).OrderBy(g => g.Number).ToListAsync(ct);
        return [.. gates.Select(g => new GateFlow(g.Id, g.Code, g.NameEn, g.NameZh, g.IsOpen, []))];
    }

    /// <summary>The scans made since a time (gate, when, direction, verdict): what a live tally starts from before it follows the feed.</summary>
    public async Task<List<ScanTallyItem>> ScansSinceAsync(DateTimeOffset from, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        return await db.Scans.AsNoTracking().Where(s => s.EventId == summitEvent.Id && s.ScannedAt >= from)
            .Select(s => new ScanTallyItem(s.Id, s.GateId, s.ScannedAt, s.Direction, s.Admitted, s.Reason)).ToListAsync(ct);
    }

    /// <summary>Refusals since a time, counted per reason by the database.</summary>
    public async Task<Dictionary<ReasonCode, int>> RefusalsSinceAsync(DateTimeOffset from, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        return await db.Scans.AsNoTracking().Where(s => s.EventId == summitEvent.Id && !s.Admitted && s.ScannedAt >= from)
            .GroupBy(s => s.Reason).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    /// <summary>Everything the live access page shows, read in one unit of work.</summary>
    public async Task<LiveAccessView> LiveAsync(int minutes = 30, int scans = 20, CancellationToken ct = default)
    {
        var (summitEvent, _) = await settings.GetAsync(ct);
        return new LiveAccessView(summitEvent.TimeZoneId, await OccupancyAsync(minutes, ct), await RecentScansAsync(null, scans, ct),
            await ConflictsAsync(includeResolved: false, ct));
    }

    /// <summary>The latest scans, newest first, optionally of one gate.</summary>
    public async Task<List<ScanListItem>> RecentScansAsync(Guid? gateId, int count = 50, CancellationToken ct = default)
    {
        var (summitEvent, _) = await settings.GetAsync(ct);
        var query = db.Scans.AsNoTracking().Where(s => s.EventId == summitEvent.Id);
        if (gateId is { } gate)
        {
            query = query.Where(s => s.GateId == gate);
        }

        var scans = await query.OrderByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id).Take(Math.Clamp(count, 1, 500)).ToListAsync(ct);
        return await ToItemsAsync(summitEvent.Id, scans, ct);
    }

    public async Task<List<ConflictView>> ConflictsAsync(bool includeResolved, CancellationToken ct = default)
    {
        var (summitEvent, _) = await settings.GetAsync(ct);
        var conflicts = await db.EntryConflicts.AsNoTracking().Where(c => c.EventId == summitEvent.Id && (includeResolved || c.ResolvedAt == null))
            .OrderByDescending(c => c.DetectedAt).Take(500).ToListAsync(ct);
        var scanIds = conflicts.SelectMany(c => new[] { c.FirstScanId, c.SecondScanId }).ToList();
        var scans = (await ToItemsAsync(summitEvent.Id, await db.Scans.AsNoTracking().Where(s => scanIds.Contains(s.Id)).ToListAsync(ct), ct))
            .ToDictionary(s => s.Id);
        var zones = await db.Zones.AsNoTracking().Where(z => z.EventId == summitEvent.Id).ToDictionaryAsync(z => z.Number, z => z.Code, ct);
        return [.. conflicts.Select(c => new ConflictView(c.Id, c.GuestId, scans[c.FirstScanId].HolderName ?? "?", c.Zone, zones.GetValueOrDefault(c.Zone, "?"),
            scans[c.FirstScanId], scans[c.SecondScanId], c.DetectedAt, c.ResolvedAt, c.ResolvedBy, c.Resolution))];
    }

    /// <summary>Closes a conflict with what the operations team found (the person left through an unstaffed exit...).</summary>
    public async Task ResolveConflictAsync(Guid id, string resolution, CancellationToken ct = default)
    {
        var conflict = await db.EntryConflicts.FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw new SummitException(SummitError.NotFound(AccessErrors.ConflictNotFound, id));
        if (string.IsNullOrWhiteSpace(resolution))
        {
            throw new SummitException(SummitError.Of(AccessErrors.ResolutionRequired));
        }

        conflict.ResolvedAt = clock.GetUtcNow();
        conflict.ResolvedBy = (await actor.GetAsync()).Name;
        conflict.Resolution = resolution.Trim().Length > 500 ? resolution.Trim()[..500] : resolution.Trim();
        await audit.RecordAsync(AuditActions.ConflictResolved, "entry_conflict", id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["resolution"] = (null, conflict.Resolution),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Scans as staff lists show them: with the gate's code and the holder's name and category.</summary>
    internal async Task<List<ScanListItem>> ToItemsAsync(Guid eventId, List<Scan> scans, CancellationToken ct)
    {
        var gates = await db.Gates.AsNoTracking().Where(g => g.EventId == eventId).ToDictionaryAsync(g => g.Id, g => g.Code, ct);
        var holderIds = scans.Where(s => s.GuestId != null).Select(s => s.GuestId!.Value).Distinct().ToList();
        var cards = (await guests.GetCardsAsync(holderIds, ct)).ToDictionary(c => c.Id);
        var categories = (await guests.CategoriesAsync(eventId, ct)).ToDictionary(c => c.Id, c => c.Code);
        return [.. scans.Select(s =>
        {
            var card = s.GuestId is { } id ? cards.GetValueOrDefault(id) : null;
            return new ScanListItem(s.Id, s.ScannedAt, s.ReceivedAt, s.GateId, gates.GetValueOrDefault(s.GateId, "?"), s.Zone, s.Direction, s.Source, s.Reason,
                s.Admitted, s.Late, s.Conflict, s.GuestId, card?.Name, card is null ? null : categories.GetValueOrDefault(card.CategoryId),
                s.DeviceReason is { } claimed && claimed != s.Reason ? claimed : null);
        })];
    }

    private static DateTimeOffset Minute(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
