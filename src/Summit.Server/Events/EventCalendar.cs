using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Events;

/// <summary>The Events module's answer to <see cref="IEventCalendar"/>: read-only copies of the events table.</summary>
public sealed class EventCalendar(SummitDbContext db) : IEventCalendar
{
    public async Task<EventFacts?> FindCurrentAsync(CancellationToken ct = default) =>
        (await db.Events.AsNoTracking().Include(e => e.Venues).OrderBy(e => e.StartDate).FirstOrDefaultAsync(ct)) is { } e ? Facts(e) : null;

    public async Task<EventFacts> GetCurrentAsync(CancellationToken ct = default) =>
        await FindCurrentAsync(ct) ?? throw new SummitException(SummitError.NotFound("event.none"));

    public async Task<EventClock> GetCurrentClockAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        // Compiled once per provider (a compiled query belongs to one model): no venues, no names, one row of two columns.
        var current = await (db.Database.IsNpgsql() ? PostgresCurrentClock : SqliteCurrentClock)(db)
            ?? throw new SummitException(SummitError.NotFound("event.none"));
        return new EventClock(current.Id, EventTime.Zone(current.TimeZoneId));
    }

    private static readonly Func<SummitDbContext, Task<CurrentEventKey?>> PostgresCurrentClock = CompileCurrentClock(),
        SqliteCurrentClock = CompileCurrentClock();

    private static Func<SummitDbContext, Task<CurrentEventKey?>> CompileCurrentClock() =>
        EF.CompileAsyncQuery((SummitDbContext db) =>
            db.Events.AsNoTracking().OrderBy(e => e.StartDate).Select(e => new CurrentEventKey(e.Id, e.TimeZoneId)).FirstOrDefault());

    private sealed record CurrentEventKey(Guid Id, string TimeZoneId);

    public async Task<EventFacts?> FindAsync(Guid id, CancellationToken ct = default) =>
        (await db.Events.AsNoTracking().Include(e => e.Venues).FirstOrDefaultAsync(e => e.Id == id, ct)) is { } e ? Facts(e) : null;

    public async Task<IReadOnlyList<EventFacts>> ListAsync(CancellationToken ct = default) =>
        [.. (await db.Events.AsNoTracking().Include(e => e.Venues).OrderBy(e => e.StartDate).ToListAsync(ct)).Select(Facts)];

    /// <summary>The zone every time is shown in (<see cref="EventTime"/>); UTC before an event is set up.</summary>
    public async Task<TimeZoneInfo> TimeZoneAsync(CancellationToken ct = default) =>
        EventTime.Zone(await db.Events.OrderBy(e => e.StartDate).Select(e => e.TimeZoneId).FirstOrDefaultAsync(ct) ?? "UTC");

    internal static EventFacts Facts(SummitEvent e) =>
        new(e.Id, e.Name, e.NameZh, e.StartDate, e.EndDate, e.TimeZoneId,
            [.. e.Venues.OrderBy(v => v.SortOrder).Select(v => new VenueName(v.Name, v.NameZh))]);
}
