using System.Net;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Mail;

namespace Summit.Server.Venues.Bookings;

/// <summary>
/// Tells the people a booking concerns that Summit cancelled, rejected or moved it (displaced by a Protocol booking, released as a
/// no-show, rejected, moved by the venue manager): the staff member who made it, and its holder when that is a guest or a delegation (through the Guests module, which keeps
/// their address and language: <see cref="IGuestDirectory.QueueNoticeAsync"/>). Each mail is in its reader's language and joins the
/// caller's unit of work, so that a change that rolls back tells nobody. A booking made by nobody signed in (the demo, the system), or by
/// an account without an address, tells no staff member; a holder named only by text, a session or the organizer is not mailed.
/// </summary>
public sealed class BookingNotices(SummitDbContext db, IEventCalendar events, IGuestDirectory guests, Localizer localizer, TimeProvider clock)
{
    public const string MailKind = "venues.booking";

    /// <summary>The kind of the mail to a booking's holder (a guest, or a delegation's liaison).</summary>
    public const string HolderMailKind = "venues.booking.holder";

    /// <summary>Why Summit cancelled a booking, as stored with it (both languages: the reader may be either).</summary>
    public string Reason(string key, params object[] args) =>
        Cut($"{localizer.Format(Localizer.English, key, args)} / {localizer.Format(Localizer.Chinese, key, args)}", VenueLimits.ReasonLength);

    /// <summary>
    /// Queues the mails "your booking was cancelled" (<paramref name="kind"/> <c>displaced</c> or <c>released</c>): to its maker with the
    /// texts venues.mail.&lt;kind&gt;.* (the booking's title, room and start first, then <paramref name="args"/>), and to its holder with
    /// venues.mail.holder.&lt;kind&gt;.* (the same, then <paramref name="holderArgs"/>).
    /// </summary>
    public async Task CancelledAsync(Booking booking, string roomCode, string kind, object[] args, CancellationToken ct, object[]? holderArgs = null)
    {
        var zone = await events.TimeZoneAsync(ct);
        await TellMakerAsync(booking, roomCode, kind, args, zone, ct);
        await TellHolderAsync(booking, roomCode, kind, holderArgs ?? [], zone, ct);
    }

    /// <summary>
    /// Queues the mails "your request was rejected": to its maker with the reason given (the venue manager's own words, or the booking
    /// whose confirmation rejected it), and to its holder without it (staff's reasons and other bookings' titles are internal).
    /// </summary>
    public async Task RejectedAsync(Booking booking, string roomCode, string? reason, CancellationToken ct)
    {
        var zone = await events.TimeZoneAsync(ct);
        await TellMakerAsync(booking, roomCode, "rejected", [reason ?? "—"], zone, ct);
        await TellHolderAsync(booking, roomCode, "rejected", [], zone, ct);
    }

    /// <summary>
    /// Queues the mails "your booking was moved" (venues.mail.moved.*, venues.mail.holder.moved.*: the booking's title, its new room and
    /// start, then where and when it was before): to its maker unless the maker moved it, and to its holder. Call it after the booking
    /// has its new room and times, before the save.
    /// </summary>
    public async Task MovedAsync(Booking booking, string roomCode, string fromRoomCode, DateTimeOffset fromStartsAt, string? moverUserId, CancellationToken ct)
    {
        var zone = await events.TimeZoneAsync(ct);
        object[] before = [fromRoomCode, EventTime.Unlabelled(fromStartsAt, zone)];
        if (moverUserId is null || booking.CreatedByUserId != moverUserId)
        {
            await TellMakerAsync(booking, roomCode, "moved", before, zone, ct);
        }

        await TellHolderAsync(booking, roomCode, "moved", before, zone, ct);
    }

    private async Task TellMakerAsync(Booking booking, string roomCode, string kind, object[] args, TimeZoneInfo zone, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => booking.CreatedByUserId != null ? u.Id == booking.CreatedByUserId : u.UserName == booking.CreatedBy)
            .Select(u => new { u.Email, u.DisplayName, u.Language }).FirstOrDefaultAsync(ct);
        if (user is not { Email.Length: > 0 })
        {
            return;
        }

        var language = Localizer.NormalizeLanguage(user.Language);
        var starts = EventTime.Unlabelled(booking.StartsAt, zone);
        var subject = localizer.Format(language, $"venues.mail.{kind}.subject", booking.Title);
        var lines = new[]
        {
            localizer.Format(language, $"venues.mail.{kind}.body", [booking.Title, roomCode, starts, .. args]),
            localizer.Get(language, "venues.mail.cancelled.footer"),
        };
        db.OutgoingMails.Add(new OutgoingMail
        {
            ToAddress = user.Email!,
            ToName = user.DisplayName,
            Subject = Cut(subject, 500),
            TextBody = string.Join("\n\n", lines),
            HtmlBody = string.Concat(lines.Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>")),
            Kind = MailKind,
            CreatedAt = clock.GetUtcNow(),
        });
    }

    /// <summary>The holder's mail: for a person the guest named by the booking, for a delegation its liaison; anyone else has no address here.</summary>
    private async Task TellHolderAsync(Booking booking, string roomCode, string kind, object[] args, TimeZoneInfo zone, CancellationToken ct)
    {
        if (booking.HolderId is not { } holderId || booking.HolderKind is not (BookingHolderKind.Person or BookingHolderKind.Delegation))
        {
            return;
        }

        var person = booking.HolderKind == BookingHolderKind.Person;
        var starts = EventTime.Unlabelled(booking.StartsAt, zone);
        GuestNoticeText Compose(string language)
        {
            var holder = localizer.Get(language, person ? "venues.mail.holder.you" : "venues.mail.holder.your_delegation");
            return new GuestNoticeText(Cut(localizer.Format(language, $"venues.mail.holder.{kind}.subject", booking.Title), 500),
            [
                localizer.Format(language, $"venues.mail.holder.{kind}.body", [booking.Title, roomCode, starts, holder, .. args]),
                localizer.Get(language, "venues.mail.holder.footer"),
            ]);
        }

        await guests.QueueNoticeAsync(person ? holderId : null, person ? null : holderId, HolderMailKind, Compose, ct);
    }

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
