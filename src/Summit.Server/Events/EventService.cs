using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Events;

/// <summary>Sets up the current event (the secretariat's settings page and API). Other modules read it through IEventCalendar.</summary>
public sealed class EventService(SummitDbContext db, AuditLog audit)
{
    /// <summary>The current event with its venues, tracked: the one the settings page edits.</summary>
    public async Task<SummitEvent?> FindCurrentAsync(CancellationToken ct = default) =>
        await db.Events.Include(e => e.Venues.OrderBy(v => v.SortOrder)).OrderBy(e => e.StartDate).FirstOrDefaultAsync(ct);

    public async Task<SummitEvent> SaveAsync(EventInput input, CancellationToken ct = default)
    {
        if (input.EndDate < input.StartDate)
        {
            throw new SummitException(SummitError.Of(EventErrors.EventDatesInvalid));
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(input.TimeZoneId, out _))
        {
            throw new SummitException(SummitError.Of(EventErrors.TimeZoneUnknown, input.TimeZoneId));
        }

        var current = await FindCurrentAsync(ct);
        var isNew = current is null;
        current ??= new SummitEvent();
        var before = Snapshot(current);
        current.Name = input.Name.Trim();
        current.NameZh = input.NameZh.Trim();
        current.StartDate = input.StartDate;
        current.EndDate = input.EndDate;
        current.TimeZoneId = input.TimeZoneId;
        // JSON may carry nulls inside the list whatever the C# type says.
        var venueNames = input.Venues.Where(v => v is not null).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct().ToList();
        db.EventVenues.RemoveRange(current.Venues.Where(v => !venueNames.Contains(v.Name)));
        current.Venues.RemoveAll(v => !venueNames.Contains(v.Name));
        foreach (var (name, index) in venueNames.Select((n, i) => (n, i)))
        {
            var venue = current.Venues.FirstOrDefault(v => v.Name == name);
            if (venue is null)
            {
                // Added explicitly: found only through the navigation, a venue whose id is already set would be taken for an existing row.
                venue = new EventVenue { EventId = current.Id, Name = name, SortOrder = index };
                current.Venues.Add(venue);
                db.EventVenues.Add(venue);
            }
            else
            {
                venue.SortOrder = index;
            }

            if (input.VenueNamesZh is { } chinese)
            {
                venue.NameZh = chinese.GetValueOrDefault(name)?.Trim() is { Length: > 0 } nameZh ? nameZh : null;
            }
        }

        if (isNew)
        {
            db.Events.Add(current);
        }

        await audit.RecordAsync(AuditActions.EventUpdated, "event", current.Id.ToString(), AuditLog.Diff(before, Snapshot(current)));
        await db.SaveChangesAsync(ct);
        return current;
    }

    private static Dictionary<string, object?> Snapshot(SummitEvent e) => new()
    {
        ["name"] = e.Name,
        ["nameZh"] = e.NameZh,
        ["startDate"] = e.StartDate,
        ["endDate"] = e.EndDate,
        ["timeZone"] = e.TimeZoneId,
        ["venues"] = string.Join(", ", e.Venues.OrderBy(v => v.SortOrder).Select(v => v.NameZh is null ? v.Name : $"{v.Name} / {v.NameZh}")),
    };
}
