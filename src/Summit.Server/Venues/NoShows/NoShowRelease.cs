using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Contracts;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Venues.Bookings;

namespace Summit.Server.Venues.NoShows;

/// <summary>
/// Releases the confirmed bookings nobody came to: in a room with <see cref="Room.NoShowMinutes"/> and an access zone, a booking whose
/// start is more than that many minutes past, still running, and whose zone has recorded no admitted entry since its start less the
/// set-up buffer (read through Access's <see cref="IZoneEntries"/>), is cancelled with the reason "released: no entry within N minutes",
/// audited, and its maker told by mail. Safe to repeat: a released booking is no longer confirmed.
/// </summary>
public sealed class NoShowRelease(SummitDbContext db, IEventCalendar events, IZoneEntries entries, AuditLog audit, CurrentActor actor,
    BookingNotices notices, TimeProvider clock)
{
    /// <summary>Releases what is due now; returns how many bookings were released.</summary>
    public async Task<int> ReleaseDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var summitEvent = await events.GetCurrentAsync(ct);
        var venueIds = await db.Set<Venue>().AsNoTracking().Where(v => v.EventId == summitEvent.Id).Select(v => v.Id).ToListAsync(ct);
        var rooms = await db.Set<Room>().AsNoTracking()
            .Where(r => venueIds.Contains(r.VenueId) && r.NoShowMinutes != null && r.ZoneId != null).ToDictionaryAsync(r => r.Id, ct);
        if (rooms.Count == 0)
        {
            return 0;
        }

        var roomIds = rooms.Keys.ToList();
        // Running now: started (so possibly due) and not yet over. The exact due time is per room, checked below.
        var running = await db.Set<Booking>()
            .Where(b => b.EventId == summitEvent.Id && b.State == BookingState.Confirmed && roomIds.Contains(b.RoomId) && b.StartsAt <= now && b.EndsAt > now)
            .ToListAsync(ct);
        var released = 0;
        foreach (var booking in running.OrderBy(b => b.StartsAt))
        {
            var room = rooms[booking.RoomId];
            var minutes = room.NoShowMinutes!.Value;
            if (booking.StartsAt.AddMinutes(minutes) > now
                || await entries.FirstEntrySinceAsync(room.ZoneId!.Value, booking.BlockedFrom, ct) is not null)
            {
                continue;
            }

            booking.State = BookingState.Cancelled;
            booking.Reason = notices.Reason("venues.reason.released", minutes);
            booking.DecidedAt = now;
            booking.DecidedBy = (await actor.GetAsync()).Name;
            await audit.RecordAsync(VenuesAudit.BookingReleased, "booking", booking.Id.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["state"] = (BookingState.Confirmed, BookingState.Cancelled),
                ["reason"] = (null, booking.Reason),
            });
            await notices.CancelledAsync(booking, room.Code, "released", [minutes], ct, [minutes]);
            await db.SaveChangesAsync(ct);
            released++;
        }

        return released;
    }
}
