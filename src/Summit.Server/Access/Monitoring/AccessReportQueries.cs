using Microsoft.EntityFrameworkCore;
using Summit.Access.Core;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Domain;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Monitoring;

/// <summary>
/// The gates' share of the closing report. Everything is counted from the recorded scans alone, in the event's time zone, as of a
/// moment (scans received before it), and <see cref="TraceAsync"/> lists the very scans a figure counts, so that an organizer can
/// check any number against its records, today or later. A person's category is the one signed into the code they entered with:
/// a change of category reissues the code, so it is the category they held when they entered, also for scans decided offline.
/// </summary>
public sealed class AccessReportQueries(SummitDbContext db, AccessSettingsService settings, IGuestDirectory guests, AuditLog audit, AccessQueries items)
    : IAccessReport
{
    public async Task<AccessReportFigures> FiguresAsync(DateTimeOffset asOf, CancellationToken ct = default)
    {
        var context = await LoadContextAsync(ct);
        var scans = await ScansAsOf(context, asOf).ToListAsync(ct);
        var entries = scans.Where(IsAttendance).ToList();
        var refusals = scans.Where(s => !s.Admitted).ToList();

        var scanDays = scans.Select(s => context.DayOf(s.ScannedAt)).Where(d => !context.Within(d));
        var days = EventCalendar.Days(context.StartDate, context.EndDate).Union(scanDays).Order().Select(day =>
        {
            var ofDay = entries.Where(e => context.DayOf(e.ScannedAt) == day).ToList();
            return new AccessDayTotal(day, context.Within(day), Persons(ofDay), ofDay.Count, refusals.Count(r => context.DayOf(r.ScannedAt) == day));
        }).ToList();

        AccessSpanTotal Total(bool within)
        {
            var ofSpan = entries.Where(e => context.Within(context.DayOf(e.ScannedAt)) == within).ToList();
            return new AccessSpanTotal(Persons(ofSpan), ofSpan.Count, refusals.Count(r => context.Within(context.DayOf(r.ScannedAt)) == within));
        }

        var eventEntries = entries.Where(e => context.Within(context.DayOf(e.ScannedAt))).ToList();
        var zones = context.Zones.Values.OrderBy(z => z.SortOrder).ThenBy(z => z.Number).Select(z =>
        {
            var ofZone = eventEntries.Where(e => e.Zone == z.Number).ToList();
            return new ZoneTotal(z.Number, z.Code, z.NameEn, z.NameZh, Persons(ofZone), ofZone.Count);
        }).ToList();

        var attendance = entries
            .Where(e => context.Zones.ContainsKey(e.Zone) && context.CategoriesById.ContainsKey(e.CategoryId!.Value))
            .GroupBy(e => (Day: context.DayOf(e.ScannedAt), e.Zone, Category: e.CategoryId!.Value))
            .Select(g =>
            {
                var zone = context.Zones[g.Key.Zone];
                var category = context.CategoriesById[g.Key.Category];
                return new AttendanceRow(g.Key.Day, context.Within(g.Key.Day), zone.Number, zone.Code, zone.NameEn, zone.NameZh, category.Id, category.Code,
                    Persons(g), g.Count(), category.NameEn, category.NameZh);
            })
            .OrderBy(r => r.Day).ThenBy(r => context.Zones[r.Zone].SortOrder).ThenBy(r => r.Zone).ThenBy(r => r.CategoryCode, StringComparer.Ordinal)
            .ToList();

        var refusalRows = refusals.GroupBy(r => (Day: context.DayOf(r.ScannedAt), r.Reason))
            .Select(g => new RefusalRow(g.Key.Day, context.Within(g.Key.Day), g.Key.Reason, g.Count()))
            .OrderBy(r => r.Day).ThenByDescending(r => r.Scans).ThenBy(r => r.Reason).ToList();

        var conflicts = await db.EntryConflicts.AsNoTracking().Where(c => c.EventId == context.EventId && c.DetectedAt < asOf)
            .Select(c => c.ResolvedAt).ToListAsync(ct);
        return new AccessReportFigures(context.TimeZone.Id, context.StartDate, context.EndDate, asOf, days, Total(within: true), Total(within: false),
            zones, attendance, refusalRows, conflicts.Count, conflicts.Count(resolved => !(resolved < asOf)), scans.Count(s => s.Late), context.LateAfterSeconds);
    }

    public async Task<List<WindowAttendance>> WindowsAsync(DateTimeOffset asOf, IReadOnlyList<AttendanceWindow> windows, CancellationToken ct = default)
    {
        var context = await LoadContextAsync(ct);
        var zones = context.Zones.Values.ToDictionary(z => z.Id);
        var asked = windows.Where(w => zones.ContainsKey(w.ZoneId) && w.Until > w.From).ToList();
        if (asked.Count == 0)
        {
            return [];
        }

        var numbers = asked.Select(w => zones[w.ZoneId].Number).Distinct().ToList();
        var (from, until) = (asked.Min(w => w.From), asked.Max(w => w.Until));
        var entries = await ScansAsOf(context, asOf)
            .Where(s => numbers.Contains(s.Zone) && s.ScannedAt >= from && s.ScannedAt < until
                && s.Admitted && s.Direction == GateDirection.Entry && s.GuestId != null && s.CategoryId != null)
            .Select(s => new { s.Zone, s.ScannedAt, s.GuestId }).ToListAsync(ct);
        return [.. asked.Select(window =>
        {
            var zone = zones[window.ZoneId];
            var inside = entries.Where(e => e.Zone == zone.Number && e.ScannedAt >= window.From && e.ScannedAt < window.Until).OrderBy(e => e.ScannedAt).ToList();
            DateTimeOffset? fullAt = null;
            if (window.FullAt > 0)
            {
                var seen = new HashSet<Guid>();
                fullAt = inside.FirstOrDefault(e => seen.Add(e.GuestId!.Value) && seen.Count == window.FullAt)?.ScannedAt;
            }

            return new WindowAttendance(window.Key, zone.Code, inside.Select(e => e.GuestId).Distinct().Count(), inside.Count, fullAt);
        })];
    }

    /// <summary>
    /// The scans behind a figure, in time order, with their holders and the category each held when scanned: a read of personal
    /// data, so it is audited.
    /// </summary>
    public async Task<List<ScanListItem>> TraceAsync(ScanTrace trace, CancellationToken ct = default)
    {
        var context = await LoadContextAsync(ct);
        var query = ScansAsOf(context, trace.AsOf);
        if (trace.Admitted is { } admitted)
        {
            query = query.Where(s => s.Admitted == admitted);
        }

        if (trace.Admitted == true)
        {
            // The attendance figures count entries only, of genuine codes.
            query = query.Where(s => s.Direction == GateDirection.Entry && s.GuestId != null && s.CategoryId != null);
        }

        if (trace.Reason is { } reason)
        {
            query = query.Where(s => s.Reason == reason);
        }

        if (trace.Late is { } late)
        {
            query = query.Where(s => s.Late == late);
        }

        if (trace.ZoneCode is { } code)
        {
            var zone = context.Zones.Values.FirstOrDefault(z => string.Equals(z.Code, code, StringComparison.OrdinalIgnoreCase));
            query = zone is null ? query.Where(_ => false) : query.Where(s => s.Zone == zone.Number);
        }

        if (trace.CategoryCode is { } categoryCode)
        {
            var category = context.CategoriesById.Values.FirstOrDefault(c => string.Equals(c.Code, categoryCode, StringComparison.OrdinalIgnoreCase));
            query = category is null ? query.Where(_ => false) : query.Where(s => s.CategoryId == category.Id);
        }

        if (trace.Day is { } day)
        {
            // The day in event time, as a UTC range: the database compares instants.
            var (start, end) = context.RangeOf(day);
            query = query.Where(s => s.ScannedAt >= start && s.ScannedAt < end);
        }
        else if (trace.Span is { } span)
        {
            var (start, end) = (context.StartOf(context.StartDate), context.StartOf(context.EndDate.AddDays(1)));
            query = span == ReportSpan.Event ? query.Where(s => s.ScannedAt >= start && s.ScannedAt < end)
                : query.Where(s => s.ScannedAt < start || s.ScannedAt >= end);
        }

        if (trace.From is { } traceFrom)
        {
            query = query.Where(s => s.ScannedAt >= traceFrom);
        }

        if (trace.Until is { } traceUntil)
        {
            query = query.Where(s => s.ScannedAt < traceUntil);
        }

        var facts = await query.OrderBy(s => s.ScannedAt).ThenBy(s => s.Id).ToListAsync(ct);
        var ids = facts.Select(f => f.Id).ToList();
        var scans = new List<Scan>(facts.Count);
        foreach (var chunk in ids.Chunk(1000))
        {
            scans.AddRange(await db.Scans.AsNoTracking().Where(s => chunk.Contains(s.Id)).ToListAsync(ct));
        }

        var categories = facts.ToDictionary(f => f.Id, f => f.CategoryId is { } id ? context.CategoriesById.GetValueOrDefault(id)?.Code : null);
        await audit.RecordAsync(AuditActions.ReportTraced, "report", "closing", new Dictionary<string, (object?, object?)>
        {
            ["records"] = (null, TraceLabel(trace)),
            ["scans"] = (null, scans.Count),
        });
        await db.SaveChangesAsync(ct);
        var listed = await items.ToItemsAsync(context.EventId, [.. scans.OrderBy(s => s.ScannedAt).ThenBy(s => s.Id)], ct);
        return [.. listed.Select(s => s with { CategoryCode = categories.GetValueOrDefault(s.Id) })];
    }

    /// <summary>
    /// The double entries found in offline uploads before the moment (only those still unresolved then, if asked), with both scans
    /// and the holder: a read of personal data, audited.
    /// </summary>
    public async Task<List<ConflictRecord>> ConflictsAsync(DateTimeOffset asOf, bool unresolvedOnly, CancellationToken ct = default)
    {
        var context = await LoadContextAsync(ct);
        var query = db.EntryConflicts.AsNoTracking().Where(c => c.EventId == context.EventId && c.DetectedAt < asOf);
        if (unresolvedOnly)
        {
            query = query.Where(c => c.ResolvedAt == null || c.ResolvedAt >= asOf);
        }

        var conflicts = await query.OrderBy(c => c.DetectedAt).ThenBy(c => c.Id).ToListAsync(ct);
        var scanIds = conflicts.SelectMany(c => new[] { c.FirstScanId, c.SecondScanId }).Distinct().ToList();
        var scans = new List<Scan>(scanIds.Count);
        foreach (var chunk in scanIds.Chunk(1000))
        {
            scans.AddRange(await db.Scans.AsNoTracking().Where(s => chunk.Contains(s.Id)).ToListAsync(ct));
        }

        var listed = (await items.ToItemsAsync(context.EventId, scans, ct)).ToDictionary(s => s.Id);
        await audit.RecordAsync(AuditActions.ReportTraced, "report", "closing", new Dictionary<string, (object?, object?)>
        {
            ["records"] = (null, $"conflicts;asOf={ReportMoment.Format(asOf)};unresolved={unresolvedOnly}"),
            ["conflicts"] = (null, conflicts.Count),
        });
        await db.SaveChangesAsync(ct);
        return [.. conflicts.Select(c =>
        {
            var resolved = c.ResolvedAt < asOf;
            return new ConflictRecord(c.Id, context.Zones.GetValueOrDefault(c.Zone)?.Code ?? "?", c.GuestId, listed[c.FirstScanId].HolderName,
                listed[c.FirstScanId], listed[c.SecondScanId], c.DetectedAt, resolved ? c.ResolvedAt : null, resolved ? c.ResolvedBy : null,
                resolved ? c.Resolution : null);
        })];
    }

    private static string TraceLabel(ScanTrace trace) =>
        $"asOf={ReportMoment.Format(trace.AsOf)};day={trace.Day:yyyy-MM-dd};span={trace.Span};zone={trace.ZoneCode};category={trace.CategoryCode};"
        + $"reason={trace.Reason};admitted={trace.Admitted};late={trace.Late};from={Moment(trace.From)};until={Moment(trace.Until)}";

    private static string? Moment(DateTimeOffset? moment) => moment is { } m ? ReportMoment.Format(m) : null;

    private static bool IsAttendance(ScanFacts scan) =>
        scan.Admitted && scan.Direction == GateDirection.Entry && scan.GuestId is not null && scan.CategoryId is not null;

    private static int Persons(IEnumerable<ScanFacts> entries) => entries.Select(e => e.GuestId).Distinct().Count();

    /// <summary>The event's scans received before the moment, each with the category of the credential it was made with (kept on the scan once an erasure unlinks the credential; none for a code not genuine).</summary>
    private IQueryable<ScanFacts> ScansAsOf(ReportContext context, DateTimeOffset asOf) =>
        from s in db.Scans.AsNoTracking()
        where s.EventId == context.EventId && s.ReceivedAt < asOf
        join c in db.Credentials.AsNoTracking() on s.CredentialId equals (Guid?)c.Id into credentials
        from c in credentials.DefaultIfEmpty()
        select new ScanFacts
        {
            Id = s.Id,
            ScannedAt = s.ScannedAt,
            Zone = s.Zone,
            GuestId = s.GuestId,
            Direction = s.Direction,
            Admitted = s.Admitted,
            Reason = s.Reason,
            Late = s.Late,
            CategoryId = s.CategoryId ?? (c == null ? null : (Guid?)c.CategoryId),
        };

    private async Task<ReportContext> LoadContextAsync(CancellationToken ct)
    {
        var (summitEvent, access) = await settings.GetAsync(ct);
        var zones = await db.Zones.AsNoTracking().Where(z => z.EventId == summitEvent.Id).ToDictionaryAsync(z => z.Number, ct);
        var categories = (await guests.CategoriesAsync(summitEvent.Id, ct)).ToDictionary(c => c.Id);
        return new ReportContext(summitEvent.Id, TimeZoneInfo.FindSystemTimeZoneById(summitEvent.TimeZoneId), summitEvent.StartDate, summitEvent.EndDate,
            access.LateAfterSeconds, zones, categories);
    }

    /// <summary>What the figures read of a scan (a class with setters, so that queries can still filter on it once projected).</summary>
    private sealed class ScanFacts
    {
        public Guid Id { get; init; }
        public DateTimeOffset ScannedAt { get; init; }
        public int Zone { get; init; }
        public Guid? GuestId { get; init; }
        public GateDirection Direction { get; init; }
        public bool Admitted { get; init; }
        public ReasonCode Reason { get; init; }
        public bool Late { get; init; }
        public Guid? CategoryId { get; init; }
    }

    private sealed record ReportContext(Guid EventId, TimeZoneInfo TimeZone, DateOnly StartDate, DateOnly EndDate, int LateAfterSeconds,
        Dictionary<int, Zone> Zones, Dictionary<Guid, CategoryCard> CategoriesById) : EventCalendar(TimeZone)
    {
        public bool Within(DateOnly day) => day >= StartDate && day <= EndDate;
    }
}
