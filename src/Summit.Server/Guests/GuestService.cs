using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Security;

namespace Summit.Server.Guests;

/// <summary>The commands on a guest record: create, edit, move through the pipeline. Each change is audited.</summary>
public sealed class GuestService(
    SummitDbContext db,
    IEventCalendar events,
    AuditLog audit,
    FieldProtector protector,
    Localizer localizer,
    MailComposer mail,
    TimeProvider clock,
    IEnumerable<IGuestObserver> observers)
{
    /// <summary>The longest reason an officer may share with a rejected guest (the dialog's limit too).</summary>
    public const int MaxMessageToGuest = 500;
    public async Task<GuestReferenceData> LoadReferenceDataAsync(Guid eventId, CancellationToken ct = default)
    {
        var categories = await db.Categories.AsNoTracking().Where(c => c.EventId == eventId).ToListAsync(ct);
        var delegations = await db.Delegations.AsNoTracking().Where(d => d.EventId == eventId).ToListAsync(ct);
        return new GuestReferenceData(
            categories.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase),
            delegations.ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase));
    }

    public async Task<GuestDetail> GetDetailAsync(Guid id, bool auditRead = true, CancellationToken ct = default)
    {
        // An erased guest is only a count: no page shows or edits it.
        var guest = await db.Guests.AsNoTracking().Include(g => g.Category).Include(g => g.Delegation)
            .FirstOrDefaultAsync(g => g.Id == id && g.ErasedAt == null, ct) ?? throw new SummitException(SummitError.NotFound(GuestErrors.GuestNotFound, id));
        if (auditRead)
        {
            await audit.RecordReadAsync(AuditActions.GuestViewed, "guest", id.ToString());
        }

        return ToDetail(guest);
    }

    public async Task<GuestDetail> CreateAsync(GuestInput input, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var valid = await ValidateAsync(summitEvent.Id, input, null, ct);
        var now = clock.GetUtcNow();
        var guest = new Guest { EventId = summitEvent.Id, CreatedAt = now, UpdatedAt = now, StatusChangedAt = now };
        valid.ApplyTo(guest);
        SetPassport(guest, valid.PassportNumber);
        db.Guests.Add(guest);
        await audit.RecordAsync(AuditActions.GuestCreated, "guest", guest.Id.ToString(), AuditLog.Diff(new Dictionary<string, object?>(), Snapshot(guest)));
        await db.SaveChangesAsync(ct);
        return await GetDetailAsync(guest.Id, auditRead: false, ct);
    }

    public async Task<GuestDetail> UpdateAsync(Guid id, GuestInput input, Guid? expectedStamp = null, CancellationToken ct = default)
    {
        return await InTransactionAsync(async () =>
        {
            var guest = await LoadAsync(id, expectedStamp, ct);
            var valid = await ValidateAsync(guest.EventId, input, guest.Id, ct);
            var before = Snapshot(guest);
            var previousDelegation = guest.DelegationId;
            var previousCategory = guest.CategoryId;
            valid.ApplyTo(guest);
            await NotifyCategoryChangeAsync(guest, previousCategory, ct);
            if (previousDelegation is { } left && guest.DelegationId != left
                && await db.Delegations.FirstOrDefaultAsync(d => d.Id == left && d.LiaisonGuestId == guest.Id, ct) is { } delegation)
            {
                // A guest who leaves a delegation can no longer act as its liaison.
                delegation.LiaisonGuestId = null;
            }

            if (valid.PassportNumber is not null)
            {
                SetPassport(guest, valid.PassportNumber);
            }

            await SaveChangeAsync(guest, AuditActions.GuestUpdated, before, ct);
            return await GetDetailAsync(guest.Id, auditRead: false, ct);
        }, ct);
    }

    /// <summary>
    /// Moves the guest on. A rejected guest is told by mail in their language; <paramref name="messageToGuest"/> is the reason the
    /// officer chose to share (the internal <paramref name="reason"/> is never sent), and without one the mail gives none.
    /// </summary>
    public async Task<GuestDetail> ChangeStatusAsync(Guid id, GuestStatus to, string? reason, string? messageToGuest = null, Guid? expectedStamp = null,
        CancellationToken ct = default)
    {
        var shared = string.IsNullOrWhiteSpace(messageToGuest) ? null : messageToGuest.Trim();
        if (shared is not null && to != GuestStatus.Rejected)
        {
            throw new SummitException(SummitError.Of(GuestErrors.GuestMessageNotAllowed));
        }
        if (shared is { Length: > MaxMessageToGuest })
        {
            throw new SummitException(SummitError.Of(GuestErrors.GuestMessageTooLong, MaxMessageToGuest));
        }
        return await InTransactionAsync(async () =>
        {
            var guest = await LoadAsync(id, expectedStamp, ct);
            var from = guest.Status;
            ApplyStatus(guest, to, reason);
            if (to == GuestStatus.Rejected)
            {
                mail.QueueRejection(guest, shared);
            }
            foreach (var observer in observers)
            {
                await observer.OnStatusChangedAsync(guest.Id, from, to, ct);
            }

            // An observer may move the guest on (issued a credential: Accredited) and records that step itself.
            await SaveChangeAsync(guest, AuditActions.GuestStatusChanged, null, ct, (from, to), shared);
            return await GetDetailAsync(guest.Id, auditRead: false, ct);
        }, ct);
    }

    /// <summary>Approves every listed guest that may be approved; reports the others with their reason.</summary>
    public async Task<BulkResult> ApproveManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        return await InTransactionAsync(async () =>
        {
            var guests = await db.Guests.Include(g => g.Category).Where(g => ids.Contains(g.Id)).ToListAsync(ct);
            var refused = new List<BulkRefusal>();
            foreach (var missing in ids.Except(guests.Select(g => g.Id)))
            {
                refused.Add(new BulkRefusal(missing, GuestErrors.GuestNotFound, SummitError.NotFound(GuestErrors.GuestNotFound, missing).Message(localizer)));
            }

            var approved = 0;
            foreach (var guest in guests)
            {
                // Bulk approval works on the queue of registered guests; anything else changed since the queue was read.
                var error = guest.Status == GuestStatus.Registered ? null : SummitError.Conflict(ErrorCodes.ConcurrentChange);
                if (error is not null)
                {
                    refused.Add(new BulkRefusal(guest.Id, error.Code, error.Message(localizer)));
                    continue;
                }

                var previous = guest.Status;
                ApplyStatus(guest, GuestStatus.Approved, null);
                guest.UpdatedAt = clock.GetUtcNow();
                guest.ConcurrencyStamp = Guid.NewGuid();
                await audit.RecordAsync(AuditActions.GuestStatusChanged, "guest", guest.Id.ToString(),
                    new Dictionary<string, (object?, object?)> { ["status"] = (previous, GuestStatus.Approved) });
                foreach (var observer in observers)
                {
                    await observer.OnStatusChangedAsync(guest.Id, previous, GuestStatus.Approved, ct);
                }

                approved++;
            }

            await db.SaveChangesAsync(ct);
            return new BulkResult(approved, refused);
        }, ct);
    }

    public async Task<GuestDetail> SetCategoryAsync(Guid id, Guid categoryId, CancellationToken ct = default)
    {
        return await InTransactionAsync(async () =>
        {
            var guest = await LoadAsync(id, null, ct);
            if (!await db.Categories.AnyAsync(c => c.Id == categoryId && c.EventId == guest.EventId, ct))
            {
                throw new SummitException(SummitError.Of(GuestErrors.CategoryUnknown, localizer["field.category"], categoryId));
            }

            var before = Snapshot(guest);
            var previousCategory = guest.CategoryId;
            guest.CategoryId = categoryId;
            await NotifyCategoryChangeAsync(guest, previousCategory, ct);
            await SaveChangeAsync(guest, AuditActions.GuestUpdated, before, ct);
            return await GetDetailAsync(id, auditRead: false, ct);
        }, ct);
    }

    /// <summary>Observers may write before the guest is saved (a revoked credential): the whole change commits or none of it.</summary>
    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await work();
        await transaction.CommitAsync(ct);
        return result;
    }

    private async Task NotifyCategoryChangeAsync(Guest guest, Guid previousCategory, CancellationToken ct)
    {
        if (guest.CategoryId == previousCategory)
        {
            return;
        }

        foreach (var observer in observers)
        {
            await observer.OnCategoryChangedAsync(guest.Id, previousCategory, guest.CategoryId, ct);
        }
    }

    internal void ApplyStatus(Guest guest, GuestStatus to, string? reason)
    {
        if (GuestPipeline.Check(guest.Status, to, reason) is { } error)
        {
            throw new SummitException(error);
        }

        guest.Status = to;
        guest.StatusReason = to is GuestStatus.Rejected or GuestStatus.Withdrawn ? reason?.Trim() : null;
        guest.StatusChangedAt = clock.GetUtcNow();
        if (to == GuestStatus.Approved)
        {
            mail.QueueApproval(guest);
        }
    }

    internal void SetPassport(Guest guest, string? passportNumber)
    {
        if (string.IsNullOrWhiteSpace(passportNumber))
        {
            guest.PassportNumberEncrypted = null;
            guest.PassportHash = null;
            return;
        }

        var normalized = FieldProtector.NormalizeDocumentNumber(passportNumber);
        guest.PassportNumberEncrypted = protector.ProtectString(normalized);
        guest.PassportHash = protector.LookupHash(normalized);
    }

    private async Task<ValidGuest> ValidateAsync(Guid eventId, GuestInput input, Guid? existingId, CancellationToken ct)
    {
        var reference = await LoadReferenceDataAsync(eventId, ct);
        var (valid, problems) = GuestValidator.Validate(input, reference, localizer);
        if (valid is null)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.RequestInvalid, problems.Count), problems);
        }

        var email = valid.Email.ToLowerInvariant();
        if (await db.Guests.AnyAsync(g => g.EventId == eventId && g.EmailNormalized == email && g.Id != existingId, ct))
        {
            throw new SummitException(SummitError.Conflict(GuestErrors.GuestEmailDuplicate, localizer["field.email"], valid.Email));
        }

        await EnsurePassportUniqueAsync(eventId, valid.PassportNumber, existingId, ct);

        return valid;
    }

    /// <summary>Refuses a passport or ID number that another guest of the event already holds (compared by keyed hash).</summary>
    internal async Task EnsurePassportUniqueAsync(Guid eventId, string? passportNumber, Guid? exceptGuestId, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(passportNumber))
        {
            return;
        }

        var hash = protector.LookupHash(FieldProtector.NormalizeDocumentNumber(passportNumber));
        if (await db.Guests.AnyAsync(g => g.EventId == eventId && g.PassportHash == hash && g.Id != exceptGuestId, ct))
        {
            throw new SummitException(SummitError.Conflict(GuestErrors.GuestPassportDuplicate));
        }
    }

    private async Task<Guest> LoadAsync(Guid id, Guid? expectedStamp, CancellationToken ct)
    {
        var guest = await db.Guests.Include(g => g.Category).FirstOrDefaultAsync(g => g.Id == id && g.ErasedAt == null, ct)
            ?? throw new SummitException(SummitError.NotFound(GuestErrors.GuestNotFound, id));
        if (expectedStamp is { } stamp && stamp != guest.ConcurrencyStamp)
        {
            throw new SummitException(SummitError.Conflict(ErrorCodes.ConcurrentChange));
        }

        return guest;
    }

    /// <param name="before">The audited fields before an edit; null for a status change (<paramref name="status"/>).</param>
    private async Task SaveChangeAsync(Guest guest, string action, Dictionary<string, object?>? before, CancellationToken ct,
        (GuestStatus From, GuestStatus To)? status = null, string? messageToGuest = null)
    {
        var changes = before is null
            ? new Dictionary<string, (object?, object?)> { ["status"] = (status?.From, status?.To) }
            : AuditLog.Diff(before, Snapshot(guest));
        if (guest.StatusReason is not null && before is null)
        {
            changes["statusReason"] = (null, guest.StatusReason);
        }

        if (messageToGuest is not null)
        {
            changes["messageToGuest"] = (null, messageToGuest);
        }

        guest.UpdatedAt = clock.GetUtcNow();
        guest.ConcurrencyStamp = Guid.NewGuid();
        await audit.RecordAsync(action, "guest", guest.Id.ToString(), changes);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new SummitException(SummitError.Conflict(ErrorCodes.ConcurrentChange));
        }
    }

    /// <summary>The audited fields of a guest. The passport appears only as "changed", never in clear.</summary>
    internal static Dictionary<string, object?> Snapshot(Guest g) => new()
    {
        ["familyName"] = g.FamilyName,
        ["givenName"] = g.GivenName,
        ["familyNameLatin"] = g.FamilyNameLatin,
        ["givenNameLatin"] = g.GivenNameLatin,
        ["title"] = g.Title,
        ["gender"] = g.Gender,
        ["organisation"] = g.Organisation,
        ["organisationType"] = g.OrganisationType,
        ["position"] = g.Position,
        ["country"] = g.CountryCode,
        ["delegationId"] = g.DelegationId,
        ["email"] = g.Email,
        ["phone"] = g.Phone,
        ["language"] = g.Language,
        ["participationMode"] = g.ParticipationMode,
        ["categoryId"] = g.CategoryId,
        ["passport"] = g.PassportHash is null ? null : "(hash " + g.PassportHash[..8] + ")",
        ["status"] = g.Status,
    };

    private GuestDetail ToDetail(Guest g) => new(
        g.Id, g.FamilyName, g.GivenName, g.FamilyNameLatin, g.GivenNameLatin, g.Title, g.Gender, g.Organisation, g.OrganisationType,
        g.Position, g.CountryCode, g.DelegationId, g.Delegation?.Name, g.Email, g.Phone, g.Language, g.ParticipationMode, g.CategoryId,
        g.Category?.Code ?? "", g.PassportNumberEncrypted is null ? null : FieldProtector.MaskDocumentNumber(protector.UnprotectString(g.PassportNumberEncrypted)),
        g.Status, g.StatusReason, g.StatusChangedAt, g.DataConsentAt, g.FaceConsentAt, g.FaceConsentWithdrawnAt, g.HasPhoto,
        GuestPipeline.NextFrom(g.Status), g.CreatedAt, g.UpdatedAt, g.ConcurrencyStamp);
}
