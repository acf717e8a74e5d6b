using Microsoft.EntityFrameworkCore;
using Summit.Access.Core;
using Summit.Server.Access.Domain;
using Summit.Server.Guests;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Monitoring;

/// <summary>People who entered a zone on a day (event time), by their accreditation category, and how many entries they made.</summary>
public sealed record AttendanceRow(DateOnly Day, int Zone, string ZoneCode, string ZoneNameEn, string ZoneNameZh, Guid CategoryId, string CategoryCode,
    int Persons, int Entries);

/// <summary>One day at the gates: people admitted anywhere, admitted entries, and refused scans.</summary>
public sealed record AccessDayTotal(DateOnly Day, int Persons, int Entries, int Refusals);

/// <summary>Refused scans of one reason on one day.</summary>
public sealed record RefusalRow(DateOnly Day, ReasonCode Reason, int Scans);

/// <summary>The access figures of the closing report, each computed from the scans that <see cref="AccessReportQueries.TraceAsync"/> lists.</summary>
public sealed record AccessReportFigures(string TimeZoneId, IReadOnlyList<AccessDayTotal> Days, IReadOnlyList<AttendanceRow> Attendance,
    IReadOnlyList<RefusalRow> Refusals, int Conflicts, int UnresolvedConflicts, int LateUploads);

/// <summary>Which scans stand behind one figure: everything left null is not filtered on.</summary>
/// <param name="Admitted">True: admitted entries (the attendance figures); false: refusals; null: every scan.</param>
public sealed record ScanTrace(DateOnly? Day = null, string? ZoneCode = null, string? CategoryCode = null, ReasonCode? Reason = null, bool? Admitted = null);

/// <summary>
/// The gates' share of the closing report. Everything is counted from the recorded scans alone, in the event's time zone, and
/// <see cref="TraceAsync"/> lists the very scans a figure counts, so that an organizer can check any number against its records.
/// A person's category is the one they hold now.
/// </summary>
public sealed class AccessReportQueries(SummitDbContext db, AccessSettingsService settings, GuestDirectory guests, AuditLog audit, AccessQueries items)
{
    public async Task<AccessReportFigures> FiguresAsync(CancellationToken ct = default)
    {
        var context = await LoadContextAsync(ct);
        var scans = await db.Scans.AsNoTracking().Where(s => s.EventId == context.EventId)
            .Select(s => new ScanFacts(s.Id, s.ScannedAt, s.Zone, s.GuestId, s.Direction, s.Admitted, s.Reason, s.Late)).ToListAsync(ct);
        var categories = await CategoriesOfAsync(context, scans, ct);
        var entries = scans.Where(s => IsAttendance(s) && categories.ContainsKey(s.GuestId!.Value)).ToList();
        var refusals = scans.Where(s => !s.Admitted).ToList();

        var days = scans.Select(s => context.DayOf(s.ScannedAt)).Distinct().Order().Select(day =>
        {
            var ofDay = entries.Where(e => context.DayOf(e.ScannedAt) == day).ToList();
            return new AccessDayTotal(day, ofDay.Select(e => e.GuestId).Distinct().Count(), ofDay.Count, refusals.Count(r => context.DayOf(r.ScannedAt) == day));
        }).ToList();

        var attendance = entries
            .GroupBy(e => (Day: context.DayOf(e.ScannedAt), e.Zone, Category: categories[e.GuestId!.Value]))
            .Where(g => context.Zones.ContainsKey(g.Key.Zone))
            .Select(g =>
            {
                var zone = context.Zones[g.Key.Zone];
                return new AttendanceRow(g.Key.Day, zone.Number, zone.Code, zone.NameEn, zone.NameZh, g.Key.Category.Id, g.Key.Category.Code,
                    g.Select(e => e.GuestId).Distinct().Count(), g.Count());
            })
            .OrderBy(r => r.Day).ThenBy(r => context.Zones[r.Zone].SortOrder).ThenBy(r => r.Zone).ThenBy(r => r.CategoryCode, StringComparer.Ordinal)
            .ToList();

        var refusalRows = refusals.GroupBy(r => (Day: context.DayOf(r.ScannedAt), r.Reason))
            .Select(g => new RefusalRow(g.Key.Day, g.Key.Reason, g.Count()))
            .OrderBy(r => r.Day).ThenByDescending(r => r.Scans).ThenBy(r => r.Reason).ToList();

        var conflicts = await db.EntryConflicts.AsNoTracking().Where(c => c.EventId == context.EventId).Select(c => c.ResolvedAt).ToListAsync(ct);
        return new AccessReportFigures(context.TimeZone.Id, days, attendance, refusalRows, conflicts.Count, conflicts.Count(r => r is null),
            scans.Count(s => s.Late));
    }

    /// <summary>The scans behind a figure, in time order, with their holders: a read of personal data, so it is audited.</summary>
    public async Task<List<ScanListItem>> TraceAsync(ScanTrace trace, CancellationToken ct = default)
    {
        var context = await LoadContextAsync(ct);
        var query = db.Scans.AsNoTracking().Where(s => s.EventId == context.EventId);
        if (trace.Admitted is { } admitted)
        {
            query = query.Where(s => s.Admitted == admitted);
        }

        if (trace.Reason is { } reason)
        {
            query = query.Where(s => s.Reason == reason);
        }

        if (trace.ZoneCode is { } code)
        {
            var zone = context.Zones.Values.FirstOrDefault(z => string.Equals(z.Code, code, StringComparison.OrdinalIgnoreCase));
            query = zone is null ? query.Where(_ => false) : query.Where(s => s.Zone == zone.Number);
        }

        if (trace.Day is { } day)
        {
            // The day in event time, as a UTC range: the database compares instants.
            var start = context.StartOf(day);
            var end = context.StartOf(day.AddDays(1));
            query = query.Where(s => s.ScannedAt >= start && s.ScannedAt < end);
        }

        var scans = await query.OrderBy(s => s.ScannedAt).ThenBy(s => s.Id).ToListAsync(ct);
        if (trace.Admitted == true)
        {
            // The attendance figures count entries only, and only of people the guest list still knows.
            var facts = scans.Select(s => new ScanFacts(s.Id, s.ScannedAt, s.Zone, s.GuestId, s.Direction, s.Admitted, s.Reason, s.Late)).ToList();
            var categories = await CategoriesOfAsync(context, facts, ct);
            scans = [.. scans.Where(s => s.Direction == GateDirection.Entry && s.GuestId is { } id && categories.TryGetValue(id, out var category)
                && (trace.CategoryCode is null || string.Equals(category.Code, trace.CategoryCode, StringComparison.OrdinalIgnoreCase)))];
        }

        await audit.RecordAsync(AuditActions.ReportTraced, "report", "closing", new Dictionary<string, (object?, object?)>
        {
            ["records"] = (null, TraceLabel(trace)),
            ["scans"] = (null, scans.Count),
        });
        await db.SaveChangesAsync(ct);
        return await items.ToItemsAsync(context.EventId, scans, ct);
    }

    private static string TraceLabel(ScanTrace trace) =>
        $"day={trace.Day:yyyy-MM-dd};zone={trace.ZoneCode};category={trace.CategoryCode};reason={trace.Reason};admitted={trace.Admitted}";

    private static bool IsAttendance(ScanFacts scan) => scan.Admitted && scan.Direction == GateDirection.Entry && scan.GuestId is not null;

    private async Task<Dictionary<Guid, CategoryCard>> CategoriesOfAsync(ReportContext context, List<ScanFacts> scans, CancellationToken ct)
    {
        var holders = scans.Where(s => s.GuestId is not null).Select(s => s.GuestId!.Value).Distinct().ToList();
        var cards = await guests.GetCardsAsync(holders, ct);
        return cards.Where(c => context.CategoriesById.ContainsKey(c.CategoryId)).ToDictionary(c => c.Id, c => context.CategoriesById[c.CategoryId]);
    }

    private async Task<ReportContext> LoadContextAsync(CancellationToken ct)
    {
        var (summitEvent, _) = await settings.GetAsync(ct);
        var zones = await db.Zones.AsNoTracking().Where(z => z.EventId == summitEvent.Id).ToDictionaryAsync(z => z.Number, ct);
        var categories = (await guests.CategoriesAsync(summitEvent.Id, ct)).ToDictionary(c => c.Id);
        return new ReportContext(summitEvent.Id, TimeZoneInfo.FindSystemTimeZoneById(summitEvent.TimeZoneId), zones, categories);
    }

    private sealed record ScanFacts(Guid Id, DateTimeOffset ScannedAt, int Zone, Guid? GuestId, GateDirection Direction, bool Admitted, ReasonCode Reason,
        bool Late);

    private sealed record ReportContext(Guid EventId, TimeZoneInfo TimeZone, Dictionary<int, Zone> Zones, Dictionary<Guid, CategoryCard> CategoriesById)
        : EventCalendar(TimeZone);
}
