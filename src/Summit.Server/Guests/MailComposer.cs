using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Mail;

namespace Summit.Server.Guests;

/// <summary>Writes the guest's mail in the guest's own language and queues it in the outbox table.</summary>
public sealed class MailComposer(SummitDbContext db, Localizer localizer, IOptions<MailOptions> options, TimeProvider clock)
{
    public const string ApprovalKind = "approval";
    public const string CredentialKind = "credential";
    public const string CredentialReissuedKind = "credential_reissued";
    public const string RejectionKind = "rejection";

    /// <summary>The content id the HTML body refers to the QR image by.</summary>
    public const string QrContentId = "qr@summit";

    /// <summary>The invitation: the link and its expiry in the event's time zone, labelled, so a guest abroad reads it right.</summary>
    public void QueueInvitation(Guest guest, string eventName, string token, DateTimeOffset expiresAt, TimeZoneInfo eventZone)
    {
        var link = $"{options.Value.PublicBaseUrl.TrimEnd('/')}/portal/{token}";
        var lang = guest.Language;
        var name = guest.DisplayName;
        var expires = EventTime.Format(expiresAt, eventZone);
        Queue(guest, "invitation",
            localizer.Format(lang, "mail.invitation.subject", eventName),
            localizer.Format(lang, "mail.invitation.body", name, eventName, link, expires),
            link);
    }

    public void QueueApproval(Guest guest)
    {
        var lang = guest.Language;
        Queue(guest, ApprovalKind,
            localizer.Format(lang, "mail.approval.subject"),
            localizer.Format(lang, "mail.approval.body", guest.DisplayName),
            null);
    }

    /// <summary>
    /// Tells a rejected guest, in their language, that the registration was not approved, with the reason the officer chose to
    /// share (their own words, set apart) or, without one, no reason; the internal reason is never in it.
    /// </summary>
    public void QueueRejection(Guest guest, string? sharedReason)
    {
        var lang = guest.Language;
        var parts = new List<string> { localizer.Format(lang, "mail.rejection.greeting", guest.DisplayName), localizer.Get(lang, "mail.rejection.body") };
        if (sharedReason is not null)
        {
            parts.Add(localizer.Format(lang, "mail.rejection.reason", sharedReason));
        }
        parts.Add(localizer.Get(lang, "mail.rejection.contact"));
        parts.Add(localizer.Get(lang, "mail.signature"));
        var mail = Add(guest, RejectionKind);
        mail.Subject = localizer.Get(lang, "mail.rejection.subject");
        mail.TextBody = string.Join("\n\n", parts);
        mail.HtmlBody = string.Concat(parts.Select(p => Paragraph(p).Html));
    }

    /// <summary>
    /// The credential mail: the QR inline, the code as text under it, the zones and the portal link. When this unit of work
    /// also approved the guest (the credential is issued at approval), its approval mail becomes this one, so the guest reads
    /// one mail that says both.
    /// </summary>
    public void QueueCredential(Guest guest, GuestPass pass, byte[] qrPng, bool replacesEarlier, string? portalLink)
    {
        var lang = guest.Language;
        // Tracked by this unit of work: queued by it (and maybe saved already, within its transaction), not sent yet.
        var approval = db.ChangeTracker.Entries<OutgoingMail>()
            .FirstOrDefault(e => e.State != EntityState.Deleted && e.Entity.SentAt is null && e.Entity.GuestId == guest.Id && e.Entity.Kind == ApprovalKind)?.Entity;
        var zones = pass.Zones.Count == 0
            ? localizer.Get(lang, "mail.credential.no_zones")
            : localizer.Format(lang, "mail.credential.zones", string.Join(", ", pass.Zones.Select(z => $"{z.Code} ({z.Name(lang)})")));
        var opening = approval is not null ? "mail.credential.approved" : replacesEarlier ? "mail.credential.replaced" : "mail.credential.ready";
        var code = localizer.Format(lang, "mail.credential.code", pass.Code);
        var parts = new List<(string? Text, string Html)>
        {
            Paragraph(localizer.Format(lang, "mail.credential.greeting", guest.DisplayName)),
            Paragraph(localizer.Get(lang, opening)),
            Paragraph(localizer.Get(lang, "mail.credential.show")),
            (null, $"<p><img src=\"cid:{QrContentId}\" width=\"280\" height=\"280\" alt=\"{WebUtility.HtmlEncode(localizer.Get(lang, "mail.credential.qr_alt"))}\"></p>"),
            (code, $"<p style=\"font-family:monospace;font-size:11px;word-break:break-all\">{WebUtility.HtmlEncode(code)}</p>"),
            Paragraph(zones),
        };
        if (portalLink is not null)
        {
            parts.Add(Paragraph(localizer.Format(lang, "mail.credential.portal", portalLink), portalLink));
        }

        parts.Add(Paragraph(localizer.Get(lang, "mail.credential.keep")));
        parts.Add(Paragraph(localizer.Get(lang, "mail.signature")));

        var mail = approval ?? Add(guest, replacesEarlier ? CredentialReissuedKind : CredentialKind);
        mail.Subject = localizer.Get(lang, approval is not null ? "mail.credential.approved_subject"
            : replacesEarlier ? "mail.credential.replaced_subject" : "mail.credential.subject");
        mail.TextBody = string.Join("\n\n", parts.Where(p => p.Text is not null).Select(p => p.Text));
        mail.HtmlBody = string.Concat(parts.Select(p => p.Html));
        var image = new MailImage { MailId = mail.Id, ContentId = QrContentId, FileName = "qr.png", ContentType = "image/png", Content = qrPng };
        mail.Images.Add(image);
        // Added explicitly: found only through the navigation of an approval mail saved already, its set key would pass for an existing row.
        db.Add(image);
    }

    /// <summary>A mail another module wrote for the guest in the guest's language (<see cref="IGuestDirectory.QueueNoticeAsync"/>), signed.</summary>
    public void QueueNotice(Guest guest, string kind, GuestNoticeText text)
    {
        var parts = text.Paragraphs.Append(localizer.Get(guest.Language, "mail.signature")).ToList();
        var mail = Add(guest, kind);
        mail.Subject = text.Subject.Length > 500 ? text.Subject[..500] : text.Subject;
        mail.TextBody = string.Join("\n\n", parts);
        mail.HtmlBody = string.Concat(parts.Select(p => Paragraph(p).Html));
    }

    private void Queue(Guest guest, string kind, string subject, string text, string? link)
    {
        var mail = Add(guest, kind);
        mail.Subject = subject;
        mail.TextBody = text;
        mail.HtmlBody = string.Concat(text.Split("\n\n").Select(p => Paragraph(p, link).Html));
    }

    private OutgoingMail Add(Guest guest, string kind)
    {
        var mail = new OutgoingMail
        {
            ToAddress = guest.Email,
            ToName = guest.DisplayName,
            Kind = kind,
            GuestId = guest.Id,
            CreatedAt = clock.GetUtcNow(),
        };
        db.OutgoingMails.Add(mail);
        return mail;
    }

    /// <summary>A paragraph as text and as HTML, where line breaks stay and the link (if any) can be clicked.</summary>
    private static (string? Text, string Html) Paragraph(string text, string? link = null)
    {
        var html = WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal);
        if (link is not null)
        {
            var encoded = WebUtility.HtmlEncode(link);
            html = html.Replace(encoded, $"<a href=\"{encoded}\">{encoded}</a>", StringComparison.Ordinal);
        }

        return (text, $"<p>{html}</p>");
    }
}
