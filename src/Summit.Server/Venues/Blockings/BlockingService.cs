using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Venues.Bookings;

namespace Summit.Server.Venues.Blockings;

/// <summary>
/// Closes a room for a period (a security sweep): bookings are refused for it from then on. A blocking over confirmed bookings is
/// refused, naming them, so that nobody's booking disappears silently: they are cancelled first. A blocked room's access zone is closed at
/// its gates for the blocking's period (<see cref="BlockingClosures"/>), saved with the blocking.
/// </summary>
public sealed class BlockingService(SummitDbContext db, IEventCalendar events, AuditLog audit, CurrentActor actor, Localizer localizer, TimeProvider clock,
    BlockingClosures closures)
{
    public async Task<List<BlockingView>> ListAsync(DateTimeOffset from, DateTimeOffset until, Guid? roomId = null, CancellationToken ct = default)
    {
        BookingService.CheckWindow(from, until);
        (from, until) = (from.ToUniversalTime(), until.ToUniversalTime());
        var roomIds = await RoomIdsAsync(ct);
        var blockings = await db.Set<RoomBlocking>().AsNoTracking()
            .Where(k => roomIds.Contains(k.RoomId) && (roomId == null || k.RoomId == roomId) && k.From < until && k.Until > from).ToListAsync(ct);
        return [.. blockings.OrderBy(k => k.From).Select(BlockingView.Of)];
    }

    public async Task<BlockingView> CreateAsync(BlockingInput input, CancellationToken ct = default)
    {
        var checks = new FieldChecks(localizer);
        var roomIds = await RoomIdsAsync(ct);
        if (!roomIds.Contains(input.RoomId))
        {
            checks.Add("roomId", "venues.field.room", VenuesErrors.RoomUnknown, input.RoomId);
        }

        if (input.Until <= input.From)
        {
            checks.Add("until", "venues.field.until", VenuesErrors.PeriodInvalid);
        }
        else if (input.Until - input.From > VenueLimits.MaxBookingLength)
        {
            checks.Add("until", "venues.field.until", VenuesErrors.PeriodTooLong, VenueLimits.MaxBookingLength.TotalDays);
        }

        var reason = checks.Required("reason", "venues.field.reason", input.Reason, VenueLimits.ReasonLength);
        checks.ThrowIfAny();

        var from = input.From.ToUniversalTime();
        var until = input.Until.ToUniversalTime();
        var held = await db.Set<Booking>().AsNoTracking()
            .Where(b => b.RoomId == input.RoomId && b.State == BookingState.Confirmed && b.BlockedFrom < until && b.BlockedUntil > from)
            .OrderBy(b => b.BlockedFrom).Select(b => b.Title).ToListAsync(ct);
        if (held.Count > 0)
        {
            throw new SummitException(SummitError.Conflict(VenuesErrors.BlockingOverlapsConfirmed, held.Count, string.Join(", ", held)));
        }

        var blocking = new RoomBlocking
        {
            RoomId = input.RoomId,
            From = from,
            Until = until,
            Reason = reason,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = (await actor.GetAsync()).Name,
        };
        db.Set<RoomBlocking>().Add(blocking);
        await audit.RecordAsync(VenuesAudit.BlockingCreated, "room", input.RoomId.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["from"] = (null, from),
            ["until"] = (null, until),
            ["reason"] = (null, reason),
        });
        var zoneId = await db.Set<Room>().AsNoTracking().Where(r => r.Id == input.RoomId).Select(r => r.ZoneId).FirstAsync(ct);
        await closures.BlockedAsync(blocking, zoneId, ct);
        await db.SaveChangesAsync(ct);
        return BlockingView.Of(blocking);
    }

    public async Task RemoveAsync(Guid id, CancellationToken ct = default)
    {
        var roomIds = await RoomIdsAsync(ct);
        var blocking = await db.Set<RoomBlocking>().FirstOrDefaultAsync(k => k.Id == id && roomIds.Contains(k.RoomId), ct)
            ?? throw new SummitException(SummitError.NotFound(VenuesErrors.BlockingNotFound, id));
        db.Set<RoomBlocking>().Remove(blocking);
        await audit.RecordAsync(VenuesAudit.BlockingRemoved, "room", blocking.RoomId.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["from"] = (blocking.From, null),
            ["until"] = (blocking.Until, null),
            ["reason"] = (blocking.Reason, null),
        });
        await closures.UnblockedAsync(blocking.Id, ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task<List<Guid>> RoomIdsAsync(CancellationToken ct)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var venueIds = await db.Set<Venue>().AsNoTracking().Where(v => v.EventId == summitEvent.Id).Select(v => v.Id).ToListAsync(ct);
        return await db.Set<Room>().AsNoTracking().Where(r => venueIds.Contains(r.VenueId)).Select(r => r.Id).ToListAsync(ct);
    }
}
