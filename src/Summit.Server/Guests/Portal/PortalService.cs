using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Guests.Invitations;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Images;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Security;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Guests.Portal;

/// <summary>
/// The guest's self-service portal, reached only through an invitation token (no staff account).
/// A delegation liaison may also complete the registrations of their own delegation's members.
/// </summary>
[OpenToTokenHolders]
public sealed class PortalService(
    SummitDbContext db,
    InvitationService invitations,
    IEventCalendar events,
    GuestService guests,
    IGuestCredentialView credentials,
    IGuestFaceView faces,
    IPrivacyNotice privacyNotice,
    AuditLog audit,
    CurrentActor actor,
    FieldProtector protector,
    Localizer localizer,
    TimeProvider clock,
    IEnumerable<IFaceConsentObserver> faceObservers)
{
    /// <summary>The event's accreditation categories by code, for showing a guest their category by name: no personal data.</summary>
    public async Task<IReadOnlyDictionary<string, AccreditationCategory>> CategoriesAsync(CancellationToken ct = default)
    {
        // Only the categories: the staff pages' reference data also loads every delegation, which a guest does not need.
        var eventId = (await events.GetCurrentAsync(ct)).Id;
        return await db.Categories.AsNoTracking().Where(c => c.EventId == eventId)
            .ToDictionaryAsync(c => c.Code, StringComparer.OrdinalIgnoreCase, ct);
    }

    public async Task<PortalView> OpenAsync(string token, Guid? memberId = null, CancellationToken ct = default)
    {
        var (invitation, self, target) = await ResolveAsync(token, memberId, ct);
        var summitEvent = await events.GetCurrentAsync(ct);
        var delegation = self.DelegationId is null ? null : await db.Delegations.AsNoTracking().FirstAsync(d => d.Id == self.DelegationId, ct);
        var isLiaison = delegation?.LiaisonGuestId == self.Id;
        var members = isLiaison
            ? await db.Guests.AsNoTracking().Where(g => g.DelegationId == delegation!.Id).OrderBy(g => g.FamilyNameLatin)
                .Select(g => new PortalMember(g.Id, g.GivenNameLatin + " " + g.FamilyNameLatin, g.Status, g.Id == self.Id)).ToListAsync(ct)
            : [];
        var category = await db.Categories.AsNoTracking().FirstAsync(c => c.Id == target.CategoryId, ct);
        var canRegister = target.Status == GuestStatus.Invited && (target.Id != self.Id || invitation.UsedAt is null);
        return new PortalView(target.Id, target.DisplayName, summitEvent.Name, summitEvent.NameZh, summitEvent.StartDate, summitEvent.EndDate,
            target.Status, canRegister, ToForm(target, category.Code, delegation?.Name), target.Email, category.Code, delegation?.Name,
            isLiaison, members, target.FaceConsentAt is not null && target.FaceConsentWithdrawnAt is null, target.HasPhoto, invitation.ExpiresAt,
            target.DataConsentAt is not null, await credentials.FindAsync(target.Id, ct), summitEvent.TimeZoneId,
            await NoticeAsync(summitEvent, ct), target.FaceConsentAt is not null && target.FaceConsentWithdrawnAt is null ? await faces.FindAsync(target.Id, ct) : null,
            target.TimeZoneId);
    }

    /// <summary>
    /// The time zone the guest reads times in (their agenda on the portal and its calendar feed): an IANA zone of the server's list, or
    /// empty for the event's own. Only the guest themselves (not a liaison for a member); audited as the guest's own act.
    /// </summary>
    /// <exception cref="SummitException">guest.time_zone_unknown (422) for a zone that is not an IANA zone the server knows.</exception>
    public async Task<PortalView> SetTimeZoneAsync(string token, string? timeZoneId, CancellationToken ct = default)
    {
        var invitation = await invitations.ResolveAsync(token, allowUsed: true, ct);
        var guest = await db.Guests.FirstAsync(g => g.Id == invitation.GuestId, ct);
        var summitEvent = await events.GetCurrentAsync(ct);
        string? chosen = null;
        if (!string.IsNullOrWhiteSpace(timeZoneId))
        {
            var zone = PortalTimeZones.Find(timeZoneId) ?? throw new SummitException(SummitError.Of(GuestErrors.TimeZoneUnknown,
                timeZoneId.Length > PortalTimeZones.IdLength ? timeZoneId[..PortalTimeZones.IdLength] + "…" : timeZoneId));
            // The event's own zone is stored as no choice, so that a later change of the event's zone carries the guest along.
            chosen = zone.Id == summitEvent.TimeZoneId ? null : zone.Id;
        }

        if (chosen != guest.TimeZoneId)
        {
            actor.Use(new Actor($"guest:{guest.Id}", $"guest {guest.DisplayName}", (await actor.GetAsync()).IpAddress));
            await audit.RecordAsync(AuditActions.GuestTimeZoneChanged, "guest", guest.Id.ToString(),
                new Dictionary<string, (object?, object?)> { ["timeZone"] = (guest.TimeZoneId, chosen) });
            guest.TimeZoneId = chosen;
            guest.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        return await OpenAsync(token, null, ct);
    }

    /// <summary>The privacy notice in force, in the page's language: written from the event's retention setting.</summary>
    private async Task<PrivacyNotice> NoticeAsync(EventFacts summitEvent, CancellationToken ct)
    {
        var language = Localizer.LanguageOf(CultureInfo.CurrentUICulture);
        var name = language == Localizer.Chinese && summitEvent.NameZh.Length > 0 ? summitEvent.NameZh : summitEvent.Name;
        return await privacyNotice.ForEventAsync(summitEvent.Id, name, language, ct);
    }

    /// <summary>The QR code of the credential in force of the token's guest (or of a member of the liaison's delegation).</summary>
    public async Task<byte[]> GetQrPngAsync(string token, Guid? memberId = null, CancellationToken ct = default)
    {
        var (_, _, target) = await ResolveAsync(token, memberId, ct);
        var pass = await credentials.FindAsync(target.Id, ct) ?? throw new SummitException(SummitError.NotFound(ErrorCodes.CredentialNone));
        return credentials.QrPng(pass);
    }

    /// <summary>The token's invitation and guest, and whom the request is about: that guest, or a member of the liaison's delegation.</summary>
    /// <summary>How many of the guest's messages the portal lists, newest first.</summary>
    public const int MessageLimit = 30;

    /// <summary>
    /// The messages Summit wrote to the token's holder (their own, never a delegation member's), newest first: the invitation, the approval,
    /// the code, and what other modules told them (a programme release that moved their session, a booking released). The portal is where
    /// a guest reads them again, or for the first time if the mail did not reach them.
    /// </summary>
    public async Task<IReadOnlyList<PortalMessage>> MessagesAsync(string token, CancellationToken ct = default)
    {
        var (_, self, _) = await ResolveAsync(token, null, ct);
        return await db.OutgoingMails.AsNoTracking().Where(m => m.GuestId == self.Id)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(MessageLimit)
            .Select(m => new PortalMessage(m.Id, m.Kind, m.Subject, m.TextBody, m.CreatedAt, m.SentAt))
            .ToListAsync(ct);
    }

    private async Task<(Invitation Invitation, Guest Self, Guest Target)> ResolveAsync(string token, Guid? memberId, CancellationToken ct)
    {
        var invitation = await invitations.ResolveAsync(token, allowUsed: true, ct);
        var self = invitation.Guest!;
        return (invitation, self, memberId is null || memberId == self.Id ? self : await FindMemberAsync(self, memberId.Value, ct));
    }

    public async Task<PortalView> RegisterAsync(string token, RegistrationSubmission submission, Guid? memberId = null, CancellationToken ct = default)
    {
        var invitation = await invitations.ResolveAsync(token, allowUsed: memberId is not null, ct);
        var self = invitation.Guest!;
        var target = memberId is null || memberId == self.Id ? self : await FindMemberAsync(self, memberId.Value, ct);
        if (target.Id == self.Id && invitation.UsedAt is not null)
        {
            throw new SummitException(SummitError.Of(GuestErrors.InvitationUsed));
        }

        if (GuestPipeline.Check(target.Status, GuestStatus.Registered, null) is { } illegal)
        {
            throw new SummitException(illegal);
        }

        // The organizer decides category, delegation and the address invitations go to; the guest fills the rest.
        var category = await db.Categories.AsNoTracking().FirstAsync(c => c.Id == target.CategoryId, ct);
        var delegation = target.DelegationId is null ? null : await db.Delegations.AsNoTracking().FirstAsync(d => d.Id == target.DelegationId, ct);
        submission.Form.Category = category.Code;
        submission.Form.Delegation = delegation?.Name;
        submission.Form.Email = target.Email;
        var reference = await guests.LoadReferenceDataAsync(target.EventId, ct);
        var (valid, problems) = GuestValidator.Validate(submission.Form, reference, localizer);
        if (valid is null)
        {
            // Report a missing consent together with the field problems, so the guest fixes everything in one go.
            if (!submission.DataConsent)
            {
                problems.Add(new FieldProblem("dataConsent", GuestErrors.ConsentRequired, SummitError.Of(GuestErrors.ConsentRequired).Message(localizer)));
            }

            throw new SummitException(SummitError.Of(ErrorCodes.RequestInvalid, problems.Count), problems);
        }

        if (!submission.DataConsent)
        {
            throw new SummitException(SummitError.Of(GuestErrors.ConsentRequired));
        }

        ProcessedPhoto? photo = null;
        if (submission.Photo is { Length: > 0 })
        {
            photo = PhotoProcessor.Process(submission.Photo);
        }
        else if (valid.ParticipationMode == ParticipationMode.InPerson && !target.HasPhoto)
        {
            // In-person guests need a photo for their badge and the gate check.
            throw new SummitException(SummitError.Of(GuestErrors.PhotoRequired));
        }

        await guests.EnsurePassportUniqueAsync(target.EventId, valid.PassportNumber, target.Id, ct);

        var now = clock.GetUtcNow();
        actor.Use(new Actor($"guest:{self.Id}", target.Id == self.Id ? $"guest {self.DisplayName}" : $"liaison {self.DisplayName}", (await actor.GetAsync()).IpAddress));
        var before = GuestService.Snapshot(target);
        valid.ApplyTo(target);
        guests.SetPassport(target, valid.PassportNumber);
        target.Status = GuestStatus.Registered;
        target.StatusChangedAt = now;
        target.DataConsentAt = now;
        // The version names the retention promised, so that a later change of the setting does not rewrite what this guest agreed to.
        target.PrivacyNoticeVersion = (await NoticeAsync(await events.GetCurrentAsync(ct), ct)).Version;
        var faceConsentBefore = target.FaceConsentAt is not null && target.FaceConsentWithdrawnAt is null;
        if (submission.FaceConsent)
        {
            target.FaceConsentAt = now;
            target.FaceConsentWithdrawnAt = null;
        }

        if (photo is not null)
        {
            var stored = await db.GuestPhotos.FirstOrDefaultAsync(p => p.GuestId == target.Id, ct);
            if (stored is null)
            {
                stored = new GuestPhoto { GuestId = target.Id };
                db.GuestPhotos.Add(stored);
            }

            stored.EncryptedJpeg = protector.Protect(photo.Jpeg);
            stored.Width = photo.Width;
            stored.Height = photo.Height;
            stored.UploadedAt = now;
            target.HasPhoto = true;
            await audit.RecordAsync(AuditActions.GuestPhotoUploaded, "guest", target.Id.ToString());
        }

        target.UpdatedAt = now;
        target.ConcurrencyStamp = Guid.NewGuid();
        var changes = AuditLog.Diff(before, GuestService.Snapshot(target));
        changes["dataConsent"] = (null, now);
        changes["faceConsent"] = (null, submission.FaceConsent);
        await audit.RecordAsync(AuditActions.GuestRegistered, "guest", target.Id.ToString(), changes);

        if (submission.FaceConsent || faceConsentBefore)
        {
            // Enrolment follows consent and photo; nothing is computed for a guest who did not consent (issue 14).
            await NotifyFaceConsentAsync(new FaceConsentChange(target.Id, target.EventId, faceConsentBefore || submission.FaceConsent, photo is not null), ct);
        }

        // The guest's own links are spent; a member registered by the liaison has their links closed as well.
        var spent = await db.Invitations.Where(i => i.GuestId == target.Id && i.UsedAt == null && i.RevokedAt == null).ToListAsync(ct);
        foreach (var used in spent)
        {
            used.UsedAt = now;
        }

        await db.SaveChangesAsync(ct);
        return await OpenAsync(token, target.Id == self.Id ? null : target.Id, ct);
    }

    public async Task WithdrawFaceConsentAsync(string token, CancellationToken ct = default)
    {
        var invitation = await invitations.ResolveAsync(token, allowUsed: true, ct);
        var guest = await db.Guests.FirstAsync(g => g.Id == invitation.GuestId, ct);
        if (guest.FaceConsentAt is null || guest.FaceConsentWithdrawnAt is not null)
        {
            return;
        }

        actor.Use(new Actor($"guest:{guest.Id}", $"guest {guest.DisplayName}", (await actor.GetAsync()).IpAddress));
        guest.FaceConsentWithdrawnAt = clock.GetUtcNow();
        guest.UpdatedAt = guest.FaceConsentWithdrawnAt.Value;
        await audit.RecordAsync(AuditActions.GuestConsentWithdrawn, "guest", guest.Id.ToString(),
            new Dictionary<string, (object?, object?)> { ["faceConsent"] = (true, false) });
        // In the same save: the template goes with the consent, at once.
        await NotifyFaceConsentAsync(new FaceConsentChange(guest.Id, guest.EventId, false, false), ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task NotifyFaceConsentAsync(FaceConsentChange change, CancellationToken ct)
    {
        foreach (var observer in faceObservers)
        {
            await observer.OnFaceConsentChangedAsync(change, ct);
        }
    }

    private async Task<Guest> FindMemberAsync(Guest liaison, Guid memberId, CancellationToken ct)
    {
        var delegation = liaison.DelegationId is null ? null : await db.Delegations.AsNoTracking().FirstAsync(d => d.Id == liaison.DelegationId, ct);
        var member = await db.Guests.FirstOrDefaultAsync(g => g.Id == memberId, ct);
        if (delegation?.LiaisonGuestId != liaison.Id || member is null || member.DelegationId != delegation.Id)
        {
            throw new SummitException(new SummitError(GuestErrors.DelegationNotYours, [], StatusCodes.Status403Forbidden));
        }

        return member;
    }

    private static GuestInput ToForm(Guest g, string categoryCode, string? delegationName) => new()
    {
        FamilyName = g.FamilyName,
        GivenName = g.GivenName,
        FamilyNameLatin = g.FamilyNameLatin,
        GivenNameLatin = g.GivenNameLatin,
        Title = g.Title,
        Gender = g.Gender?.ToString(),
        Organisation = g.Organisation,
        OrganisationType = g.OrganisationType.ToString(),
        Position = g.Position,
        Country = g.CountryCode,
        Delegation = delegationName,
        Email = g.Email,
        Phone = g.Phone,
        Language = g.Language,
        ParticipationMode = g.ParticipationMode.ToString(),
        Category = categoryCode,
    };
}
