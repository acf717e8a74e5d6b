using System.Net;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Mail;

namespace Summit.Server.Guests;

/// <summary>Writes the guest's mail in the guest's own language and queues it in the outbox table.</summary>
public sealed class MailComposer(SummitDbContext db, Localizer localizer, MailOptionsAccessor options, TimeProvider clock)
{
    public void QueueInvitation(Guest guest, string eventName, string token, DateTimeOffset expiresAt)
    {
        var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/portal/{token}";
        var lang = guest.Language;
        var name = guest.DisplayName;
        var expires = expiresAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);
        Queue(guest, "invitation",
            localizer.Format(lang, "mail.invitation.subject", eventName),
            localizer.Format(lang, "mail.invitation.body", name, eventName, link, expires),
            link);
    }

    public void QueueApproval(Guest guest)
    {
        var lang = guest.Language;
        Queue(guest, "approval",
            localizer.Format(lang, "mail.approval.subject"),
            localizer.Format(lang, "mail.approval.body", guest.DisplayName),
            null);
    }

    private void Queue(Guest guest, string kind, string subject, string text, string? link)
    {
        var html = "<p>" + string.Join("</p><p>", text.Split("\n\n").Select(p => WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal))) + "</p>";
        if (link is not null)
        {
            var encoded = WebUtility.HtmlEncode(link);
            html = html.Replace(encoded, $"<a href=\"{encoded}\">{encoded}</a>", StringComparison.Ordinal);
        }

        db.OutgoingMails.Add(new OutgoingMail
        {
            ToAddress = guest.Email,
            ToName = guest.DisplayName,
            Subject = subject,
            TextBody = text,
            HtmlBody = html,
            Kind = kind,
            GuestId = guest.Id,
            CreatedAt = clock.GetUtcNow(),
        });
    }
}
