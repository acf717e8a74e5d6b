using System.Net;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Mail;

namespace Summit.Server.Venues.Bookings;

/// <summary>
/// Tells the staff member who made a booking that Summit cancelled it (displaced by a Protocol booking, released as a no-show): a mail in
/// the outbox, in their language, added to the caller's unit of work so that a change that rolls back tells nobody. A booking made by
/// nobody signed in (the demo, the system), or by an account without an address, tells no one.
/// </summary>
public sealed class BookingNotices(SummitDbContext db, IEventCalendar events, Localizer localizer, TimeProvider clock)
{
    public const string MailKind = "venues.booking";

    /// <summary>Why Summit cancelled a booking, as stored with it (both languages: the reader may be either).</summary>
    public string Reason(string key, params object[] args) =>
        Cut($"{localizer.Format(Localizer.English, key, args)} / {localizer.Format(Localizer.Chinese, key, args)}", VenueLimits.ReasonLength);

    /// <summary>Queues the mail "your booking was cancelled" with the texts of <paramref name="kind"/> (venues.mail.&lt;kind&gt;.*), the booking's title, room and start first in <paramref name="args"/>.</summary>
    public async Task CancelledAsync(Booking booking, string roomCode, string kind, object[] args, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => booking.CreatedByUserId != null ? u.Id == booking.CreatedByUserId : u.UserName == booking.CreatedBy)
            .Select(u => new { u.Email, u.DisplayName, u.Language }).FirstOrDefaultAsync(ct);
        if (user is not { Email.Length: > 0 })
        {
            return;
        }

        var language = Localizer.NormalizeLanguage(user.Language);
        var zone = await events.TimeZoneAsync(ct);
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

    private static string Cut(string text, int max) => text.Length > max ? text[..max] : text;
}
