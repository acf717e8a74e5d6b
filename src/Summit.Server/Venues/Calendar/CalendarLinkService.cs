using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Security;

namespace Summit.Server.Venues.Calendar;

/// <summary>
/// A room's secret calendar link, for calendar programs that cannot sign in (docs/adr/0028, amendment): a venue manager makes it, rotates
/// it (the old link stops at once) or revokes it. The token is 256 random bits; only its SHA-256 hash is stored, and a presented token is
/// compared with it in constant time. Every refusal (no link, an old, revoked, forged, over-long token, an unknown room) is the same
/// 404, so that a refusal tells a guesser nothing.
/// </summary>
public sealed class CalendarLinkService(SummitDbContext db, IEventCalendar events, AuditLog audit, TimeProvider clock, RoomCalendarService calendars)
{
    /// <summary>The hash a token is compared with when the room has no link, so that the refusal costs the same.</summary>
    private static readonly byte[] NoLink = Encoding.ASCII.GetBytes(new string('0', 64));

    public static string PathFor(Guid roomId, string token) => $"/api/v1/venues/feeds/{roomId}/{token}/calendar.ics";

    public async Task<CalendarLinkView> GetAsync(Guid roomId, CancellationToken ct = default)
    {
        var room = await RoomAsync(roomId, tracked: false, ct);
        return new CalendarLinkView(room.Id, room.CalendarTokenHash is not null, room.CalendarLinkIssuedAt);
    }

    /// <summary>Makes the room's link, or rotates it: a new token replaces the old one, which is refused from now on.</summary>
    public async Task<CalendarLinkView> IssueAsync(Guid roomId, CancellationToken ct = default)
    {
        var room = await RoomAsync(roomId, tracked: true, ct);
        var rotated = room.CalendarTokenHash is not null;
        var previous = room.CalendarLinkIssuedAt;
        var token = Tokens.NewToken();
        room.CalendarTokenHash = Tokens.Hash(token);
        room.CalendarLinkIssuedAt = clock.GetUtcNow();
        await audit.RecordAsync(rotated ? VenuesAudit.CalendarLinkRotated : VenuesAudit.CalendarLinkIssued, "room", room.Id.ToString(),
            new Dictionary<string, (object?, object?)> { ["calendarLinkIssuedAt"] = (previous, room.CalendarLinkIssuedAt) });
        await db.SaveChangesAsync(ct);
        return new CalendarLinkView(room.Id, true, room.CalendarLinkIssuedAt, PathFor(room.Id, token));
    }

    /// <summary>Revokes the room's link: every request with it is refused from now on. Revoking a room without a link changes nothing.</summary>
    public async Task<CalendarLinkView> RevokeAsync(Guid roomId, CancellationToken ct = default)
    {
        var room = await RoomAsync(roomId, tracked: true, ct);
        if (room.CalendarTokenHash is not null)
        {
            var previous = room.CalendarLinkIssuedAt;
            room.CalendarTokenHash = null;
            room.CalendarLinkIssuedAt = null;
            await audit.RecordAsync(VenuesAudit.CalendarLinkRevoked, "room", room.Id.ToString(),
                new Dictionary<string, (object?, object?)> { ["calendarLinkIssuedAt"] = (previous, null) });
            await db.SaveChangesAsync(ct);
        }

        return new CalendarLinkView(room.Id, false, null);
    }

    /// <summary>The room's feed for whoever holds its current link, without the bookings' holders; anything else is refused alike.</summary>
    public async Task<string> FeedAsync(Guid roomId, string? token, DateTimeOffset? from, DateTimeOffset? until, CancellationToken ct = default)
    {
        if (token is not { Length: > 0 and <= VenueLimits.MaxCalendarTokenLength })
        {
            throw Refused();
        }

        var summitEvent = await events.GetCurrentAsync(ct);
        var stored = await db.Set<Room>().AsNoTracking()
            .Where(r => r.Id == roomId && db.Set<Venue>().Any(v => v.Id == r.VenueId && v.EventId == summitEvent.Id))
            .Select(r => r.CalendarTokenHash).FirstOrDefaultAsync(ct);
        var expected = stored is { Length: 64 } ? Encoding.ASCII.GetBytes(stored) : NoLink;
        var presented = Encoding.ASCII.GetBytes(Tokens.Hash(token));
        if (!CryptographicOperations.FixedTimeEquals(expected, presented) || stored is null)
        {
            throw Refused();
        }

        return await calendars.FeedAsync(roomId, from, until, ct, withHolders: false);
    }

    private static SummitException Refused() => new(SummitError.NotFound(VenuesErrors.CalendarLinkInvalid));

    private async Task<Room> RoomAsync(Guid roomId, bool tracked, CancellationToken ct)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var rooms = db.Set<Room>().Where(r => r.Id == roomId && db.Set<Venue>().Any(v => v.Id == r.VenueId && v.EventId == summitEvent.Id));
        return await (tracked ? rooms : rooms.AsNoTracking()).FirstOrDefaultAsync(ct)
            ?? throw new SummitException(SummitError.NotFound(VenuesErrors.RoomNotFound, roomId));
    }
}
