using Microsoft.EntityFrameworkCore;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Guests.Invitations;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Security;

namespace Summit.Server.Guests;

/// <summary>The Guests module's answer to <see cref="IGuestDirectory"/>.</summary>
public sealed class GuestDirectory(SummitDbContext db, AuditLog audit, FieldProtector protector, MailComposer mail, InvitationService invitations,
    TimeProvider clock) : IGuestDirectory
{
    public async Task<GuestCard?> FindAsync(Guid id, CancellationToken ct = default) =>
        (await GetCardsAsync([id], ct)).FirstOrDefault();

    public async Task<List<GuestCard>> GetCardsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        // Only the card's columns: the scan path reads a card per admitted holder, and whole rows (passport, consent, mail) cost
        // it a tenth of its time.
        return await db.Guests.AsNoTracking().Where(g => ids.Contains(g.Id))
            .Select(g => new GuestCard(g.Id, g.EventId, Guest.DisplayNameOf(g.FamilyNameLatin, g.GivenNameLatin, g.FamilyName, g.GivenName),
                PersonNames.Original(g.FamilyName, g.GivenName), g.Title, g.Organisation, g.Position, g.CountryCode, g.CategoryId, g.Status,
                g.ParticipationMode, g.HasPhoto, g.Language, g.DelegationId))
            .ToListAsync(ct);
    }

    public async Task<string?> TimeZoneOfAsync(Guid guestId, CancellationToken ct = default) =>
        await db.Guests.AsNoTracking().Where(g => g.Id == guestId).Select(g => g.TimeZoneId).FirstOrDefaultAsync(ct);

    public async Task<List<CategoryCard>> CategoriesAsync(Guid eventId, CancellationToken ct = default) =>
        await db.Categories.AsNoTracking().Where(c => c.EventId == eventId).OrderBy(c => c.SortOrder)
            .Select(c => new CategoryCard(c.Id, c.Code, c.NameEn, c.NameZh, c.Colour, c.SortOrder)).ToListAsync(ct);

    public async Task<List<DelegationCard>> DelegationsAsync(Guid eventId, CancellationToken ct = default) =>
        await db.Delegations.AsNoTracking().Where(d => d.EventId == eventId).OrderBy(d => d.Name)
            .Select(d => new DelegationCard(d.Id, d.Name, d.CountryCode)).ToListAsync(ct);

    /// <summary>The number of guests per category and status (one grouped query, no personal data: not audited).</summary>
    public async Task<List<CategoryStatusCount>> CountByCategoryAndStatusAsync(Guid eventId, CancellationToken ct = default) =>
        await db.Guests.AsNoTracking().Where(g => g.EventId == eventId).GroupBy(g => new { g.CategoryId, g.Status })
            .Select(g => new CategoryStatusCount(g.Key.CategoryId, g.Key.Status, g.Count())).ToListAsync(ct);

    /// <summary>The ids of the event's guests matching a selection, for batch operations (issue, print).</summary>
    public async Task<List<Guid>> SelectAsync(Guid eventId, Guid? categoryId, Guid? delegationId, IReadOnlyCollection<GuestStatus> statuses,
        CancellationToken ct = default)
    {
        var query = db.Guests.AsNoTracking().Where(g => g.EventId == eventId && statuses.Contains(g.Status) && g.ErasedAt == null);
        if (categoryId is { } category)
        {
            query = query.Where(g => g.CategoryId == category);
        }

        if (delegationId is { } delegation)
        {
            query = query.Where(g => g.DelegationId == delegation);
        }

        return await query.OrderBy(g => g.FamilyNameLatin).ThenBy(g => g.GivenNameLatin).Select(g => g.Id).ToListAsync(ct);
    }

    /// <summary>The decrypted photos of the guests that have one (for printing badges); every photo read is audited.</summary>
    public async Task<Dictionary<Guid, byte[]>> GetPhotosAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        var photos = await db.GuestPhotos.AsNoTracking().Where(p => ids.Contains(p.GuestId)).ToListAsync(ct);
        foreach (var photo in photos)
        {
            await audit.RecordAsync(AuditActions.GuestPhotoViewed, "guest", photo.GuestId.ToString());
        }

        // A read has no other change to ride with: the audit entries are saved at once, all together.
        await db.SaveChangesAsync(ct);
        return photos.ToDictionary(p => p.GuestId, p => protector.Unprotect(p.EncryptedJpeg));
    }

    public async Task<byte[]?> GetPhotoJpegAsync(Guid id, CancellationToken ct = default)
    {
        var photo = await db.GuestPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.GuestId == id, ct);
        if (photo is null)
        {
            return null;
        }

        await audit.RecordReadAsync(AuditActions.GuestPhotoViewed, "guest", id.ToString());
        return protector.Unprotect(photo.EncryptedJpeg);
    }

    /// <summary>
    /// Mails the guest their credential in their language: the QR as an inline image, the code text, the zones it opens and a
    /// portal link. A credential issued at approval rides in the approval mail of the same unit of work instead of a second
    /// mail. Joins the caller's unit of work.
    /// </summary>
    /// <param name="replacesEarlier">A reissue: the mail says the earlier badge no longer works.</param>
    public async Task QueueCredentialMailAsync(Guid guestId, GuestPass pass, byte[] qrPng, bool replacesEarlier, CancellationToken ct = default)
    {
        var guest = await db.Guests.FirstOrDefaultAsync(g => g.Id == guestId, ct)
            ?? throw new SummitException(SummitError.NotFound(GuestErrors.GuestNotFound, guestId));
        var link = await invitations.StatusLinkAsync(guestId, pass.ValidUntil, ct);
        mail.QueueCredential(guest, pass, qrPng, replacesEarlier, link);
    }

    /// <summary>A mail another module writes to a guest or a delegation's liaison, in their language, signed as the guest's other mail.</summary>
    public async Task<bool> QueueNoticeAsync(Guid? guestId, Guid? delegationId, string kind, Func<string, GuestNoticeText> compose,
        CancellationToken ct = default)
    {
        var to = guestId ?? (delegationId is { } id
            ? await db.Delegations.AsNoTracking().Where(d => d.Id == id).Select(d => d.LiaisonGuestId).FirstOrDefaultAsync(ct)
            : null);
        var guest = to is { } guestToTell ? await db.Guests.AsNoTracking().FirstOrDefaultAsync(g => g.Id == guestToTell, ct) : null;
        if (guest is not { Email.Length: > 0 })
        {
            return false;
        }

        mail.QueueNotice(guest, kind, compose(Localizer.NormalizeLanguage(guest.Language)));
        return true;
    }

    /// <summary>Moves an approved guest to Accredited (a credential was issued); other statuses are left alone. Joins the caller's unit of work.</summary>
    public async Task MarkAccreditedAsync(Guid guestId, CancellationToken ct = default)
    {
        var guest = await db.Guests.FirstOrDefaultAsync(g => g.Id == guestId, ct)
            ?? throw new SummitException(SummitError.NotFound(GuestErrors.GuestNotFound, guestId));
        if (guest.Status == GuestStatus.Approved)
        {
            await MoveAsync(guest, GuestStatus.Accredited);
        }
    }

    public async Task<FaceConsentCard?> FaceConsentAsync(Guid guestId, CancellationToken ct = default) =>
        await db.Guests.AsNoTracking().Where(g => g.Id == guestId)
            .Select(g => new FaceConsentCard(g.Id, g.EventId, g.FaceConsentAt != null && g.FaceConsentWithdrawnAt == null, g.HasPhoto))
            .FirstOrDefaultAsync(ct);

    public async Task<Dictionary<Guid, FaceConsentCard>> FaceConsentsAsync(IReadOnlyCollection<Guid> guestIds, CancellationToken ct = default) =>
        await db.Guests.AsNoTracking().Where(g => guestIds.Contains(g.Id))
            .Select(g => new FaceConsentCard(g.Id, g.EventId, g.FaceConsentAt != null && g.FaceConsentWithdrawnAt == null, g.HasPhoto))
            .ToDictionaryAsync(c => c.GuestId, ct);

    public async Task RecordFaceConsentAsync(Guid guestId, CancellationToken ct = default)
    {
        var guest = await db.Guests.FirstOrDefaultAsync(g => g.Id == guestId, ct)
            ?? throw new SummitException(SummitError.NotFound(GuestErrors.GuestNotFound, guestId));
        if (guest.FaceConsentAt is not null && guest.FaceConsentWithdrawnAt is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        guest.FaceConsentAt = now;
        guest.FaceConsentWithdrawnAt = null;
        guest.UpdatedAt = now;
        await audit.RecordAsync(AuditActions.GuestFaceConsentRecorded, "guest", guest.Id.ToString(),
            new Dictionary<string, (object?, object?)> { ["faceConsent"] = (false, true) });
    }

    /// <summary>Moves accredited guests to Arrived (their first admitted entry). Joins the caller's unit of work.</summary>
    public async Task<int> MarkArrivedAsync(IReadOnlyCollection<Guid> guestIds, CancellationToken ct = default)
    {
        var guests = await db.Guests.Where(g => guestIds.Contains(g.Id) && g.Status == GuestStatus.Accredited).ToListAsync(ct);
        foreach (var guest in guests)
        {
            await MoveAsync(guest, GuestStatus.Arrived);
        }

        return guests.Count;
    }

    private async Task MoveAsync(Guest guest, GuestStatus to)
    {
        var from = guest.Status;
        var now = clock.GetUtcNow();
        guest.Status = to;
        guest.StatusReason = null;
        guest.StatusChangedAt = now;
        guest.UpdatedAt = now;
        guest.ConcurrencyStamp = Guid.NewGuid();
        await audit.RecordAsync(AuditActions.GuestStatusChanged, "guest", guest.Id.ToString(),
            new Dictionary<string, (object?, object?)> { ["status"] = (from, to) });
    }
}
