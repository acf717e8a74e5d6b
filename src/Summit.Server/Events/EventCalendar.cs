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
