using Microsoft.EntityFrameworkCore;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Security;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Guests.PersonalData;

/// <summary>
/// The Guests module's part of privacy requests and the purge: who the people are (<see cref="IDataSubjects"/>), and their
/// registration data. Erasing a guest deletes the photo, the passport number, the invitation links and the search terms, and
/// replaces the record by one under a new random id that keeps only what the counts need: category, status, participation.
/// </summary>
public sealed class GuestPersonalData(SummitDbContext db, FieldProtector protector) : IPersonalDataHolder, IDataSubjects
{
    public const string AreaName = "guests";

    /// <summary>The audit trail's entity type for a guest, and the actor id prefix of a guest acting in the portal.</summary>
    public const string AuditEntityType = "guest";

    public const string AuditActorPrefix = "guest:";

    private const int Batch = 500;

    public string Area => AreaName;

    public async Task<DataSubject?> FindAsync(Guid personId, CancellationToken ct)
    {
        var guest = await db.Guests.AsNoTracking().FirstOrDefaultAsync(g => g.Id == personId && g.ErasedAt == null, ct);
        return guest is null ? null : SubjectOf(guest);
    }

    public async Task<IReadOnlyList<DataSubject>> OfEventAsync(Guid eventId, CancellationToken ct) =>
        [.. (await db.Guests.AsNoTracking().Where(g => g.EventId == eventId && g.ErasedAt == null).ToListAsync(ct)).Select(SubjectOf)];

    public async Task<IReadOnlyList<SubjectMatch>> SearchAsync(Guid eventId, string text, int limit, CancellationToken ct)
    {
        var query = new GuestQueries(db).Filtered(eventId, new GuestFilter { Search = text });
        var address = text.Trim().ToLowerInvariant();
        if (address.Contains('@', StringComparison.Ordinal))
        {
            // A whole address is matched as it is: the search terms hold its words, not the address.
            query = db.Guests.AsNoTracking().Where(g => g.EventId == eventId && g.ErasedAt == null && g.EmailNormalized == address);
        }

        return await query.Take(Math.Clamp(limit, 1, 100))
            .Select(g => new SubjectMatch(g.Id, Guest.DisplayNameOf(g.FamilyNameLatin, g.GivenNameLatin, g.FamilyName, g.GivenName),
                PersonNames.Original(g.FamilyName, g.GivenName), g.Email, g.Organisation, g.Status.ToString()))
            .ToListAsync(ct);
    }

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, IReadOnlyList<PersonReference> references, CancellationToken ct)
    {
        var guest = await db.Guests.AsNoTracking().Include(g => g.Category).Include(g => g.Delegation)
            .FirstOrDefaultAsync(g => g.Id == subject.PersonId, ct);
        if (guest is null)
        {
            // A person another module knows (a programme's remote speaker) has no registration here.
            return new PersonalDataSection(Area, []);
        }

        var records = new List<PersonalRecord>
        {
            new("guest",
            [
                new("familyName", guest.FamilyName), new("givenName", guest.GivenName), new("familyNameLatin", guest.FamilyNameLatin),
                new("givenNameLatin", guest.GivenNameLatin), new("title", guest.Title), new("gender", guest.Gender), new("organisation", guest.Organisation),
                new("organisationType", guest.OrganisationType), new("position", guest.Position), new("country", guest.CountryCode),
                new("delegation", guest.Delegation?.Name), new("email", guest.Email), new("phone", guest.Phone), new("language", guest.Language),
                new("participationMode", guest.ParticipationMode), new("category", guest.Category?.Code),
                // Staff never see the number in clear, so the officer's export shows it masked as staff see it (the guest knows it).
                new("passport", guest.PassportNumberEncrypted is null ? null
                    : FieldProtector.MaskDocumentNumber(protector.UnprotectString(guest.PassportNumberEncrypted))),
                new("status", guest.Status), new("statusReason", guest.StatusReason), new("statusChangedAt", guest.StatusChangedAt),
                new("createdAt", guest.CreatedAt), new("updatedAt", guest.UpdatedAt),
            ]),
            new("consent",
            [
                new("dataConsentAt", guest.DataConsentAt), new("faceConsentAt", guest.FaceConsentAt),
                new("faceConsentWithdrawnAt", guest.FaceConsentWithdrawnAt), new("privacyNoticeVersion", guest.PrivacyNoticeVersion),
            ]),
        };

        if (await db.GuestPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.GuestId == guest.Id, ct) is { } photo)
        {
            records.Add(new("photo", [new("width", photo.Width), new("height", photo.Height), new("uploadedAt", photo.UploadedAt),
                new("jpeg", protector.Unprotect(photo.EncryptedJpeg))]));
        }

        foreach (var invitation in await db.Invitations.AsNoTracking().Where(i => i.GuestId == guest.Id).OrderBy(i => i.CreatedAt).ToListAsync(ct))
        {
            records.Add(new("invitation", [new("createdAt", invitation.CreatedAt), new("expiresAt", invitation.ExpiresAt),
                new("usedAt", invitation.UsedAt), new("revokedAt", invitation.RevokedAt)]));
        }

        foreach (var delegation in await db.Delegations.AsNoTracking().Where(d => d.LiaisonGuestId == guest.Id).ToListAsync(ct))
        {
            records.Add(new("liaison", [new("delegation", delegation.Name)]));
        }

        return new PersonalDataSection(Area, records);
    }

    public Task<IReadOnlyList<LegalHold>> HoldsAsync(IReadOnlyList<DataSubject> subjects, IReadOnlyList<PersonReference> references, ErasureCause cause,
        CancellationToken ct) => Task.FromResult<IReadOnlyList<LegalHold>>([]);

    public async Task<IReadOnlyList<DataCount>> EraseAsync(ErasureScope scope, bool dryRun, CancellationToken ct)
    {
        int records = 0, passports = 0, photos = 0, invitations = 0, terms = 0, liaisons = 0;
        foreach (var chunk in scope.PersonIds.Chunk(Batch))
        {
            var guests = await (dryRun ? db.Guests.AsNoTracking() : db.Guests).Where(g => chunk.Contains(g.Id) && g.ErasedAt == null).ToListAsync(ct);
            records += guests.Count;
            passports += guests.Count(g => g.PassportNumberEncrypted is not null);
            var photoRows = db.GuestPhotos.Where(p => chunk.Contains(p.GuestId));
            var invitationRows = db.Invitations.Where(i => chunk.Contains(i.GuestId));
            var termRows = db.GuestSearchTerms.Where(t => chunk.Contains(t.GuestId));
            var liaisonRows = db.Delegations.Where(d => d.LiaisonGuestId != null && chunk.Contains(d.LiaisonGuestId.Value));
            if (dryRun)
            {
                photos += await photoRows.CountAsync(ct);
                invitations += await invitationRows.CountAsync(ct);
                terms += await termRows.CountAsync(ct);
                liaisons += await liaisonRows.CountAsync(ct);
                continue;
            }

            photos += await photoRows.ExecuteDeleteAsync(ct);
            invitations += await invitationRows.ExecuteDeleteAsync(ct);
            terms += await termRows.ExecuteDeleteAsync(ct);
            liaisons += await liaisonRows.ExecuteUpdateAsync(u => u.SetProperty(d => d.LiaisonGuestId, (Guid?)null), ct);
            foreach (var guest in guests)
            {
                db.Guests.Add(Tombstone(guest, scope.Pseudonyms[guest.Id], scope.Cause, scope.Now));
                db.Guests.Remove(guest);
            }

            await db.SaveChangesAsync(ct);
        }

        return
        [
            new(Area, "guest", DataAction.Anonymized, records), new(Area, "passport", DataAction.Deleted, passports),
            new(Area, "photo", DataAction.Deleted, photos), new(Area, "invitation", DataAction.Deleted, invitations),
            new(Area, "search-term", DataAction.Deleted, terms), new(Area, "delegation-liaison", DataAction.Anonymized, liaisons),
        ];
    }

    /// <summary>
    /// What is left of an erased guest, under its pseudonym: the category, status and participation the event's counts are made
    /// of. A guest erased on request before arriving is withdrawn, so that the arrivals pipeline no longer expects them.
    /// </summary>
    private static Guest Tombstone(Guest guest, Guid pseudonym, ErasureCause cause, DateTimeOffset now) => new()
    {
        Id = pseudonym,
        EventId = guest.EventId,
        Email = $"erased-{pseudonym:N}@invalid",
        EmailNormalized = $"erased-{pseudonym:N}@invalid",
        OrganisationType = guest.OrganisationType,
        ParticipationMode = guest.ParticipationMode,
        CategoryId = guest.CategoryId,
        Status = cause == ErasureCause.Request && guest.Status is GuestStatus.Invited or GuestStatus.Registered or GuestStatus.Approved
            or GuestStatus.Accredited ? GuestStatus.Withdrawn : guest.Status,
        StatusChangedAt = guest.StatusChangedAt,
        CreatedAt = guest.CreatedAt,
        UpdatedAt = now,
        ErasedAt = now,
    };

    private static DataSubject SubjectOf(Guest guest)
    {
        var forms = new List<string>();
        if (guest.FamilyNameLatin.Length > 0 && guest.GivenNameLatin.Length > 0)
        {
            forms.Add($"{guest.GivenNameLatin} {guest.FamilyNameLatin}");
            forms.Add($"{guest.FamilyNameLatin} {guest.GivenNameLatin}");
        }

        if (guest.FamilyName.Length > 0 && guest.GivenName.Length > 0)
        {
            forms.Add(PersonNames.Original(guest.FamilyName, guest.GivenName));
            forms.Add($"{guest.GivenName} {guest.FamilyName}");
            forms.Add($"{guest.FamilyName} {guest.GivenName}");
        }

        return new DataSubject(guest.Id, guest.EventId, guest.DisplayName, guest.Email, [.. forms.Distinct()],
            (AuditEntityType, guest.Id.ToString()), AuditActorPrefix + guest.Id);
    }
}
