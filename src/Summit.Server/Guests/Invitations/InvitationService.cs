using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Events.Contracts;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Mail;
using Summit.Server.Infrastructure.Security;

namespace Summit.Server.Guests.Invitations;

/// <summary>
/// Sends invitation links. Each link carries a fresh 256-bit token; sending again revokes the guest's
/// earlier links, so only the newest mail works.
/// </summary>
public sealed class InvitationService(
    SummitDbContext db,
    IEventCalendar events,
    MailComposer mail,
    AuditLog audit,
    Localizer localizer,
    IOptions<MailOptions> mailOptions,
    IOptions<InvitationOptions> options,
    TimeProvider clock)
{
    public async Task<InvitationBatchResult> InviteAsync(IReadOnlyCollection<Guid> guestIds, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var guests = await db.Guests.Where(g => guestIds.Contains(g.Id)).ToListAsync(ct);
        var openInvitations = await db.Invitations
            .Where(i => guestIds.Contains(i.GuestId) && i.UsedAt == null && i.RevokedAt == null).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var sent = new List<SentInvitation>();
        var refused = guestIds.Except(guests.Select(g => g.Id))
            .Select(id => new BulkRefusal(id, GuestErrors.GuestNotFound, SummitError.NotFound(GuestErrors.GuestNotFound, id).Message(localizer)))
            .ToList();
        foreach (var guest in guests)
        {
            // Only guests who have not registered yet need a registration link.
            if (guest.Status != GuestStatus.Invited)
            {
                var error = SummitError.Of(GuestErrors.InvitationNotAllowed, guest.Status);
                refused.Add(new BulkRefusal(guest.Id, error.Code, error.Message(localizer)));
                continue;
            }

            foreach (var old in openInvitations.Where(i => i.GuestId == guest.Id))
            {
                old.RevokedAt = now;
            }

            var token = Tokens.NewToken();
            var invitation = new Invitation { GuestId = guest.Id, TokenHash = Tokens.Hash(token), CreatedAt = now, ExpiresAt = now + options.Value.Lifetime };
            db.Invitations.Add(invitation);
            var eventName = guest.Language == Localizer.Chinese && summitEvent.NameZh.Length > 0 ? summitEvent.NameZh : summitEvent.Name;
            mail.QueueInvitation(guest, eventName, token, invitation.ExpiresAt, EventTime.Zone(summitEvent.TimeZoneId));
            await audit.RecordAsync(AuditActions.InvitationSent, "guest", guest.Id.ToString());
            sent.Add(new SentInvitation(guest.Id, Link(token), invitation.ExpiresAt));
        }

        await db.SaveChangesAsync(ct);
        return new InvitationBatchResult(sent, refused);
    }

    /// <summary>
    /// A portal link for a mail that is not an invitation (the credential mail), valid at least until <paramref name="until"/>.
    /// Only hashes of tokens are stored, so this is a fresh token; it is born used, so it shows the guest's status and cannot
    /// register. Null for a guest who never had a portal link (added by the secretariat and approved without one).
    /// Joins the caller's unit of work.
    /// </summary>
    public async Task<string?> StatusLinkAsync(Guid guestId, DateTimeOffset until, CancellationToken ct = default)
    {
        if (!await db.Invitations.AnyAsync(i => i.GuestId == guestId && i.RevokedAt == null, ct))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var token = Tokens.NewToken();
        var expires = now + options.Value.Lifetime;
        db.Invitations.Add(new Invitation
        {
            GuestId = guestId,
            TokenHash = Tokens.Hash(token),
            CreatedAt = now,
            UsedAt = now,
            ExpiresAt = until > expires ? until : expires,
        });
        return Link(token);
    }

    /// <summary>Finds the invitation behind a token, or the reason it cannot be used.</summary>
    public async Task<Invitation> ResolveAsync(string token, bool allowUsed, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            throw new SummitException(SummitError.NotFound(GuestErrors.InvitationNotFound));
        }

        var hash = Tokens.Hash(token);
        var invitation = await db.Invitations.Include(i => i.Guest).FirstOrDefaultAsync(i => i.TokenHash == hash, ct)
            ?? throw new SummitException(SummitError.NotFound(GuestErrors.InvitationNotFound));
        if (invitation.RevokedAt is not null)
        {
            throw new SummitException(SummitError.Of(GuestErrors.InvitationRevoked));
        }

        if (invitation.ExpiresAt <= clock.GetUtcNow())
        {
            throw new SummitException(SummitError.Of(GuestErrors.InvitationExpired));
        }

        if (invitation.UsedAt is not null && !allowUsed)
        {
            throw new SummitException(SummitError.Of(GuestErrors.InvitationUsed));
        }

        return invitation;
    }

    private string Link(string token) => $"{mailOptions.Value.PublicBaseUrl.TrimEnd('/')}/portal/{token}";
}
