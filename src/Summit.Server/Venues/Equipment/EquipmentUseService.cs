using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Venues.Bookings;

namespace Summit.Server.Venues.Equipment;

/// <summary>How the stock is used over a period: per item, the peak that confirmed bookings hold (as <see cref="BookingRules"/> counts it) and who takes it.</summary>
public sealed class EquipmentUseService(SummitDbContext db, IEventCalendar events)
{
    /// <summary>Every item of the current event over [from, until): confirmed and pending bookings taking it, the peak of the confirmed ones.</summary>
    public async Task<List<EquipmentUseView>> UseAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken ct = default)
    {
        BookingService.CheckWindow(from, until);
        (from, until) = (from.ToUniversalTime(), until.ToUniversalTime());
        var summitEvent = await events.GetCurrentAsync(ct);
        var items = await db.Set<EquipmentItem>().AsNoTracking().Where(e => e.EventId == summitEvent.Id).ToListAsync(ct);
        var bookings = await db.Set<Booking>().AsNoTracking().Include(b => b.Equipment)
            .Where(b => b.EventId == summitEvent.Id && (b.State == BookingState.Confirmed || b.State == BookingState.Pending)
                && b.BlockedFrom < until && b.BlockedUntil > from && b.Equipment.Count > 0)
            .ToListAsync(ct);
        var venueIds = await db.Set<Venue>().AsNoTracking().Where(v => v.EventId == summitEvent.Id).Select(v => v.Id).ToListAsync(ct);
        var codes = await db.Set<Room>().AsNoTracking().Where(r => venueIds.Contains(r.VenueId)).ToDictionaryAsync(r => r.Id, r => r.Code, ct);
        var confirmed = bookings.Where(b => b.State == BookingState.Confirmed).ToList();
        return [.. items.OrderBy(e => e.NameEn, StringComparer.Ordinal).Select(item => new EquipmentUseView(
            EquipmentView.From(item),
            BookingRules.PeakUse(item.Id, confirmed, from, until),
            [.. bookings.Select(b => (Booking: b, Quantity: b.Equipment.Where(l => l.EquipmentItemId == item.Id).Sum(l => l.Quantity)))
                .Where(x => x.Quantity > 0)
                .OrderBy(x => x.Booking.BlockedFrom).ThenBy(x => codes.GetValueOrDefault(x.Booking.RoomId, ""), StringComparer.Ordinal)
                .Select(x => new EquipmentUseLine(x.Booking.Id, x.Booking.RoomId, codes.GetValueOrDefault(x.Booking.RoomId, "?"), x.Booking.Title,
                    x.Booking.StartsAt, x.Booking.EndsAt, x.Booking.BlockedFrom, x.Booking.BlockedUntil, x.Booking.State, x.Quantity))]))];
    }
}
