using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Venues.Calendar;

/// <summary>
/// A room's iCalendar feed (RFC 5545, written by Ical.Net: docs/adr/0028): its confirmed bookings over a bounded window, and its blockings
/// as busy time. Each event keeps its UID (the booking's or blocking's id) so a calendar client updates it in place; times are UTC.
/// </summary>
public sealed class RoomCalendarService(SummitDbContext db, IEventCalendar events, Localizer localizer, TimeProvider clock)
{
    /// <summary>The widest window a feed covers.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);

    /// <summary>Without a window: from a month ago to six months ahead.</summary>
    public static readonly TimeSpan DefaultPast = TimeSpan.FromDays(31);

    public static readonly TimeSpan DefaultAhead = TimeSpan.FromDays(183);

    public const string ProductId = "-//Summit//Venues//EN";

    /// <summary>The UID domain of the feed's events: "{id}@venues.summit" for a booking, "{id}.blocking@venues.summit" for a blocking.</summary>
    public const string UidDomain = "venues.summit";

    /// <summary>
    /// The feed. <paramref name="withHolders"/> false leaves out whom each booking is for (the holder's kind and name): the secret link's
    /// feed, read without signing in, carries no holder.
    /// </summary>
    public async Task<string> FeedAsync(Guid roomId, DateTimeOffset? from, DateTimeOffset? until, CancellationToken ct = default, bool withHolders = true)
    {
        var now = clock.GetUtcNow();
        var start = (from ?? now - DefaultPast).ToUniversalTime();
        var end = (until ?? start + DefaultPast + DefaultAhead).ToUniversalTime();
        if (end <= start || end - start > MaxWindow)
        {
            throw new SummitException(SummitError.Of(VenuesErrors.WindowTooWide, MaxWindow.TotalDays));
        }

        var summitEvent = await events.GetCurrentAsync(ct);
        var zone = await events.TimeZoneAsync(ct);
        var venueIds = await db.Set<Venue>().AsNoTracking().Where(v => v.EventId == summitEvent.Id).Select(v => v.Id).ToListAsync(ct);
        var room = await db.Set<Room>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == roomId && venueIds.Contains(r.VenueId), ct)
            ?? throw new SummitException(SummitError.NotFound(VenuesErrors.RoomNotFound, roomId));
        var bookings = await db.Set<Booking>().AsNoTracking()
            .Where(b => b.RoomId == roomId && b.State == BookingState.Confirmed && b.StartsAt < end && b.EndsAt > start).ToListAsync(ct);
        var blockings = await db.Set<RoomBlocking>().AsNoTracking().Where(k => k.RoomId == roomId && k.From < end && k.Until > start).ToListAsync(ct);

        var roomName = Localizer.InReaderLanguage(room.NameEn, room.NameZh);
        var calendar = new Ical.Net.Calendar { ProductId = ProductId };
        calendar.AddProperty("X-WR-CALNAME", localizer["venues.calendar.name", room.Code, roomName]);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT15M");
        string Local(DateTimeOffset at) => EventTime.Unlabelled(at, zone);
        foreach (var booking in bookings.OrderBy(b => b.StartsAt))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{booking.Id}@{UidDomain}",
                DtStamp = Utc(booking.DecidedAt ?? booking.CreatedAt),
                DtStart = Utc(booking.StartsAt),
                DtEnd = Utc(booking.EndsAt),
                Summary = booking.Title,
                Location = $"{room.Code} {roomName}",
                Description = withHolders
                    ? localizer["venues.calendar.description", booking.HolderKind, booking.HolderName, booking.ExpectedAttendance, booking.Layout,
                        Local(booking.BlockedFrom), Local(booking.BlockedUntil)]
                    : localizer["venues.calendar.description_no_holder", booking.ExpectedAttendance, booking.Layout, Local(booking.BlockedFrom),
                        Local(booking.BlockedUntil)],
                Status = EventStatus.Confirmed,
                Transparency = TransparencyType.Opaque,
            });
        }

        foreach (var blocking in blockings.OrderBy(k => k.From))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{blocking.Id}.blocking@{UidDomain}",
                DtStamp = Utc(blocking.CreatedAt),
                DtStart = Utc(blocking.From),
                DtEnd = Utc(blocking.Until),
                Summary = localizer["venues.calendar.blocked", blocking.Reason],
                Location = $"{room.Code} {roomName}",
                Status = EventStatus.Confirmed,
                Transparency = TransparencyType.Opaque,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Utc(DateTimeOffset at) => new(at.UtcDateTime);
}
