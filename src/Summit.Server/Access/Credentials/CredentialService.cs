using Microsoft.EntityFrameworkCore;
using Summit.Access.Core;
using Summit.Server.Access.Badges;
using Summit.Server.Access.Domain;
using Summit.Server.Access.Keys;
using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Access.Credentials;

/// <summary>
/// Issues, reissues and revokes credentials. A guest holds at most one credential in force; a reissue revokes the previous
/// one in the same transaction, and every revocation reaches the gates with the next policy version.
/// </summary>
public sealed class CredentialService(
    SummitDbContext db,
    AccessSettingsService settings,
    SigningKeyService keys,
    IGuestDirectory guests,
    AuditLog audit,
    CurrentActor actor,
    Localizer localizer,
    TimeProvider clock)
{
    /// <summary>Guests in these statuses may hold a credential.</summary>
    public static readonly IReadOnlyList<GuestStatus> Accreditable = [GuestStatus.Approved, GuestStatus.Accredited, GuestStatus.Arrived];

    /// <summary>Side of the QR image in mails and the portal: 10 pixels a module, sharp on a phone held up to a gate scanner.</summary>
    public const int QrPixels = 600;

    public async Task<GuestCredentials> GetAsync(Guid guestId, CancellationToken ct = default)
    {
        var credentials = await db.Credentials.AsNoTracking().Where(c => c.GuestId == guestId).OrderByDescending(c => c.Sequence).ToListAsync(ct);
        var views = await ToViewsAsync(credentials, ct);
        return new GuestCredentials(guestId, views.FirstOrDefault(v => v.IsActive), views);
    }

    public Task<bool> HasActiveAsync(Guid guestId, CancellationToken ct = default) =>
        db.Credentials.AnyAsync(c => c.GuestId == guestId && c.RevokedAt == null, ct);

    /// <summary>Issues the first credential of an approved guest (or a new one after a revocation) and marks the guest Accredited.</summary>
    public async Task<CredentialView> IssueAsync(Guid guestId, CancellationToken ct = default)
    {
        var guest = await RequireAccreditableAsync(guestId, ct);
        if (await db.Credentials.AnyAsync(c => c.GuestId == guestId && c.RevokedAt == null, ct))
        {
            throw new SummitException(SummitError.Conflict(AccessErrors.CredentialAlreadyIssued));
        }

        var credential = await CreateAsync(guest, ct);
        await audit.RecordAsync(AuditActions.CredentialIssued, "guest", guestId.ToString(), Issued(credential));
        await MailAsync([credential], replacesEarlier: false, ct);
        await SaveAsync(ct);
        return (await ToViewsAsync([credential], ct))[0];
    }

    /// <summary>
    /// Issues the credential of a guest being approved, when the event's settings say so and the guest comes in person: in
    /// the approval's unit of work, whose mail then carries the QR. The caller saves.
    /// </summary>
    internal async Task IssueOnApprovalAsync(Guid guestId, CancellationToken ct)
    {
        var (summitEvent, accessSettings) = await settings.GetAsync(ct);
        // The card is read from the database, where the guest is not approved yet: only the mode and category matter here.
        if (!accessSettings.IssueOnApproval || await guests.FindAsync(guestId, ct) is not { } guest || guest.EventId != summitEvent.Id
            || guest.ParticipationMode != ParticipationMode.InPerson || await HasActiveAsync(guestId, ct))
        {
            return;
        }

        var credential = await CreateAsync(guest, ct);
        await audit.RecordAsync(AuditActions.CredentialIssued, "guest", guestId.ToString(), Issued(credential));
        await MailAsync([credential], replacesEarlier: false, ct);
    }

    public async Task<CredentialSettings> GetSettingsAsync(CancellationToken ct = default) =>
        new((await settings.GetAsync(ct)).Settings.IssueOnApproval);

    public async Task<CredentialSettings> SetSettingsAsync(CredentialSettings input, CancellationToken ct = default)
    {
        var (summitEvent, accessSettings) = await settings.GetAsync(ct);
        if (accessSettings.IssueOnApproval != input.IssueOnApproval)
        {
            await audit.RecordAsync(AuditActions.AccessSettingsChanged, "event", summitEvent.Id.ToString(),
                new Dictionary<string, (object?, object?)> { ["issueOnApproval"] = (accessSettings.IssueOnApproval, input.IssueOnApproval) });
            accessSettings.IssueOnApproval = input.IssueOnApproval;
            await db.SaveChangesAsync(ct);
        }

        return new CredentialSettings(accessSettings.IssueOnApproval);
    }

    /// <summary>Replaces the credential in force (lost badge, category change): the old code stops opening gates.</summary>
    public async Task<CredentialView> ReissueAsync(Guid guestId, string? reason, CancellationToken ct = default)
    {
        var guest = await RequireAccreditableAsync(guestId, ct);
        var why = string.IsNullOrWhiteSpace(reason) ? localizer.Get(Localizer.English, "access.reissue.default_reason") : reason.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var credential = await ReissueWithinAsync(guest, why, ct);
        await SaveAsync(ct);
        await transaction.CommitAsync(ct);
        return (await ToViewsAsync([credential], ct))[0];
    }

    /// <summary>Revokes the credential in force and issues the next one, in the caller's transaction; the caller saves.</summary>
    internal async Task<Credential> ReissueWithinAsync(GuestCard guest, string reason, CancellationToken ct)
    {
        var previous = await RevokeActiveAsync(guest.Id, reason, ct);
        var credential = await CreateAsync(guest, ct);
        var changes = Issued(credential);
        changes["replaces"] = (previous?.Id, null);
        changes["reason"] = (null, reason);
        await audit.RecordAsync(AuditActions.CredentialReissued, "guest", guest.Id.ToString(), changes);
        await MailAsync([credential], replacesEarlier: previous is not null, ct);
        return credential;
    }

    /// <summary>Revokes the credential in force: refused online at once, at offline gates after their next sync.</summary>
    public async Task<CredentialView> RevokeAsync(Guid guestId, string? reason, CancellationToken ct = default)
    {
        var checks = new FieldChecks(localizer);
        var why = checks.Required("reason", "field.reason", reason, 500);
        checks.ThrowIfAny();
        var revoked = await RevokeActiveAsync(guestId, why, ct) ?? throw new SummitException(SummitError.NotFound(ErrorCodes.CredentialNone));
        await SaveAsync(ct);
        return (await ToViewsAsync([revoked], ct))[0];
    }

    /// <summary>Issues credentials to every selected guest who may hold one and has none; reports the others with their reason.</summary>
    public async Task<BulkResult> IssueManyAsync(GuestSelection selection, CancellationToken ct = default)
    {
        // An empty selection would otherwise mean every approved guest of the event, each issued a code and mailed it.
        if (selection.IsEmpty)
        {
            throw new SummitException(SummitError.Of(AccessErrors.CredentialSelectionEmpty));
        }

        var (summitEvent, _) = await settings.GetAsync(ct);
        var ids = selection.GuestIds is { Count: > 0 } list
            ? list.Distinct().ToList()
            : await guests.SelectAsync(summitEvent.Id, selection.CategoryId, selection.DelegationId, [GuestStatus.Approved], ct);
        var cards = (await guests.GetCardsAsync(ids, ct)).ToDictionary(c => c.Id);
        var holding = (await db.Credentials.Where(c => ids.Contains(c.GuestId) && c.RevokedAt == null).Select(c => c.GuestId).ToListAsync(ct)).ToHashSet();
        var refused = new List<BulkRefusal>();
        var issued = new List<Credential>();
        foreach (var id in ids)
        {
            var problem = !cards.TryGetValue(id, out var card) || card.EventId != summitEvent.Id ? SummitError.NotFound(GuestErrors.GuestNotFound, id)
                : NotAccreditable(card) ?? (holding.Contains(id) ? SummitError.Conflict(AccessErrors.CredentialAlreadyIssued) : null);
            if (problem is not null)
            {
                refused.Add(new BulkRefusal(id, problem.Code, problem.Message(localizer)));
                continue;
            }

            var credential = await CreateAsync(card!, ct);
            await audit.RecordAsync(AuditActions.CredentialIssued, "guest", id.ToString(), Issued(credential));
            issued.Add(credential);
        }

        await MailAsync(issued, replacesEarlier: false, ct);
        await SaveAsync(ct);
        return new BulkResult(issued.Count, refused);
    }

    /// <summary>The code of the guest's credential in force, or null when none. Ed25519 is deterministic: the same code every time.</summary>
    public async Task<string?> GetCodeAsync(Guid guestId, CancellationToken ct = default) =>
        await CodeOfAsync(await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.GuestId == guestId && c.RevokedAt == null, ct), ct);

    /// <summary>
    /// The code of the guest's latest credential, revoked or not, or null when none was issued: a face lane decides it as if it were
    /// shown, so a revoked credential is refused as revoked.
    /// </summary>
    internal async Task<string?> GetLatestCodeAsync(Guid guestId, CancellationToken ct = default) =>
        await CodeOfAsync(await db.Credentials.AsNoTracking().Where(c => c.GuestId == guestId).OrderByDescending(c => c.Sequence).FirstOrDefaultAsync(ct), ct);

    private async Task<string?> CodeOfAsync(Credential? credential, CancellationToken ct)
    {
        if (credential is null)
        {
            return null;
        }

        using var key = await keys.GetAsync((uint)credential.KeyId, ct);
        return key is null ? null : CredentialCodec.Encode(ToPayload(credential, (uint)(await settings.GetAsync(ct)).Settings.EventNumber), key);
    }

    /// <summary>Codes of many guests' credentials in force, keyed by guest (for batch printing).</summary>
    public async Task<Dictionary<Guid, string>> GetCodesAsync(IReadOnlyCollection<Guid> guestIds, CancellationToken ct = default) =>
        await CodesAsync(await ActiveAsync(guestIds, ct), ct);

    /// <summary>The credentials in force of many guests as their holders see them (code and zones), keyed by guest.</summary>
    public async Task<Dictionary<Guid, GuestPass>> GetPassesAsync(IReadOnlyCollection<Guid> guestIds, CancellationToken ct = default) =>
        await PassesAsync(await ActiveAsync(guestIds, ct), ct);

    private Task<List<Credential>> ActiveAsync(IReadOnlyCollection<Guid> guestIds, CancellationToken ct) =>
        db.Credentials.AsNoTracking().Where(c => guestIds.Contains(c.GuestId) && c.RevokedAt == null).ToListAsync(ct);

    private async Task<Dictionary<Guid, string>> CodesAsync(IReadOnlyCollection<Credential> credentials, CancellationToken ct)
    {
        var eventNumber = (uint)(await settings.GetAsync(ct)).Settings.EventNumber;
        var codes = new Dictionary<Guid, string>();
        foreach (var group in credentials.GroupBy(c => c.KeyId))
        {
            using var key = await keys.GetAsync((uint)group.Key, ct);
            if (key is null)
            {
                continue;
            }

            foreach (var credential in group)
            {
                codes[credential.GuestId] = CredentialCodec.Encode(ToPayload(credential, eventNumber), key);
            }
        }

        return codes;
    }

    /// <summary>Code and zones of each credential, for the badge, the portal and the mail.</summary>
    private async Task<Dictionary<Guid, GuestPass>> PassesAsync(IReadOnlyCollection<Credential> credentials, CancellationToken ct)
    {
        var zones = await OpenedZonesAsync(credentials, ct);
        var codes = await CodesAsync(credentials, ct);
        return credentials.Where(c => codes.ContainsKey(c.GuestId)).ToDictionary(c => c.GuestId, c => new GuestPass(codes[c.GuestId],
            [.. zones[c.Id].Select(z => new PassZone(z.Code, z.NameEn, z.NameZh))], c.ValidUntil));
    }

    /// <summary>
    /// The zones each credential opens, in the zones' order: its category's zones (on whichever days the category opens them),
    /// its own extra zones and the person's additions without days, less the person's removals without days. A change for
    /// some days only is left out: a badge is printed once for the whole event, and the gates apply it anyway.
    /// </summary>
    private async Task<Dictionary<Guid, List<Zone>>> OpenedZonesAsync(IReadOnlyCollection<Credential> credentials, CancellationToken ct)
    {
        if (credentials.Count == 0)
        {
            return [];
        }

        var eventId = credentials.First().EventId;
        var categoryIds = credentials.Select(c => c.CategoryId).Distinct().ToList();
        var guestIds = credentials.Select(c => c.GuestId).ToList();
        var zones = await db.Zones.AsNoTracking().Where(z => z.EventId == eventId).OrderBy(z => z.SortOrder).ThenBy(z => z.Number).ToListAsync(ct);
        var numbers = zones.ToDictionary(z => z.Id, z => z.Number);
        var byCategory = (await db.CategoryZoneGrants.AsNoTracking().Where(g => categoryIds.Contains(g.CategoryId)).ToListAsync(ct))
            .ToLookup(g => g.CategoryId, g => numbers[g.ZoneId]);
        var personal = (await db.PersonalZoneGrants.AsNoTracking()
            .Where(g => guestIds.Contains(g.GuestId) && g.FirstDay == null && g.LastDay == null).ToListAsync(ct)).ToLookup(g => g.GuestId);
        return credentials.ToDictionary(c => c.Id, c =>
        {
            var grants = personal[c.GuestId].ToList();
            var opened = new ZoneSet((ulong)c.ExtraZones)
                .Union(ZoneSet.Of([.. byCategory[c.CategoryId]]))
                .Union(ZoneSet.Of([.. grants.Where(g => g.Change == GrantChange.Add).Select(g => numbers[g.ZoneId])]))
                .Except(ZoneSet.Of([.. grants.Where(g => g.Change == GrantChange.Remove).Select(g => numbers[g.ZoneId])]));
            return zones.Where(z => opened.Contains(z.Number)).ToList();
        });
    }

    /// <summary>Mails each holder their new credential (queued in this unit of work).</summary>
    private async Task MailAsync(IReadOnlyCollection<Credential> credentials, bool replacesEarlier, CancellationToken ct)
    {
        foreach (var (guestId, pass) in await PassesAsync(credentials, ct))
        {
            await guests.QueueCredentialMailAsync(guestId, pass, BadgeRenderer.QrPng(pass.Code, QrPixels), replacesEarlier, ct);
        }
    }

    /// <summary>
    /// Revokes the credential in force within the caller's transaction; null when there is none. The revocation is written at
    /// once, so that a credential issued next in the same transaction does not meet it in the one-active-credential index.
    /// </summary>
    internal async Task<Credential?> RevokeActiveAsync(Guid guestId, string reason, CancellationToken ct)
    {
        var active = await db.Credentials.FirstOrDefaultAsync(c => c.GuestId == guestId && c.RevokedAt == null, ct);
        if (active is null)
        {
            return null;
        }

        active.RevokedAt = clock.GetUtcNow();
        active.RevokedReason = reason.Length > 500 ? reason[..500] : reason;
        active.RevokedBy = (await actor.GetAsync()).Name;
        await settings.PolicyChangedAsync(ct);
        await audit.RecordAsync(AuditActions.CredentialRevoked, "guest", guestId.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["credential"] = (active.Id, null),
            ["reason"] = (null, active.RevokedReason),
        });
        await db.SaveChangesAsync(ct);
        return active;
    }

    private async Task<Credential> CreateAsync(GuestCard guest, CancellationToken ct)
    {
        var (_, accessSettings) = await settings.GetAsync(ct);
        var (keyId, key) = await keys.GetActiveAsync(ct);
        key.Dispose();
        var sequence = (await db.Credentials.Where(c => c.GuestId == guest.Id).MaxAsync(c => (int?)c.Sequence, ct) ?? 0) + 1;
        var credential = new Credential
        {
            EventId = guest.EventId,
            GuestId = guest.Id,
            KeyId = keyId,
            CategoryId = guest.CategoryId,
            CategoryNumber = await CategoryNumberAsync(guest.EventId, guest.CategoryId, ct),
            // Personal zone changes travel in the gates' policy, not in the code: adding or removing one never needs a new badge.
            ExtraZones = 0,
            ValidFrom = accessSettings.ValidFrom,
            ValidUntil = accessSettings.ValidUntil,
            Sequence = sequence,
            IssuedAt = clock.GetUtcNow(),
            IssuedBy = (await actor.GetAsync()).Name,
        };
        db.Credentials.Add(credential);
        await guests.MarkAccreditedAsync(guest.Id, ct);
        await settings.PolicyChangedAsync(ct);
        return credential;
    }

    /// <summary>The category's number in credentials, assigned on first use.</summary>
    private async Task<int> CategoryNumberAsync(Guid eventId, Guid categoryId, CancellationToken ct)
    {
        var local = db.CategoryNumbers.Local.FirstOrDefault(c => c.CategoryId == categoryId);
        if (local is not null)
        {
            return local.Number;
        }

        var stored = await db.CategoryNumbers.FirstOrDefaultAsync(c => c.CategoryId == categoryId, ct);
        if (stored is not null)
        {
            return stored.Number;
        }

        var next = Math.Max(
            await db.CategoryNumbers.Where(c => c.EventId == eventId).MaxAsync(c => (int?)c.Number, ct) ?? 0,
            db.CategoryNumbers.Local.Where(c => c.EventId == eventId).Select(c => c.Number).DefaultIfEmpty(0).Max()) + 1;
        db.CategoryNumbers.Add(new CategoryNumber { CategoryId = categoryId, EventId = eventId, Number = next });
        return next;
    }

    private async Task<GuestCard> RequireAccreditableAsync(Guid guestId, CancellationToken ct)
    {
        var (summitEvent, _) = await settings.GetAsync(ct);
        var guest = await guests.FindAsync(guestId, ct);
        if (guest is null || guest.EventId != summitEvent.Id)
        {
            throw new SummitException(SummitError.NotFound(GuestErrors.GuestNotFound, guestId));
        }

        return NotAccreditable(guest) is { } problem ? throw new SummitException(problem) : guest;
    }

    private static SummitError? NotAccreditable(GuestCard guest) =>
        !Accreditable.Contains(guest.Status) ? SummitError.Conflict(AccessErrors.CredentialGuestNotApproved, guest.Status)
        : guest.ParticipationMode == ParticipationMode.Online ? SummitError.Conflict(AccessErrors.CredentialGuestOnline)
        : null;

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Two officers issuing to the same guest at once: the one-active-credential index decided.
            throw new SummitException(SummitError.Conflict(ErrorCodes.ConcurrentChange));
        }
    }

    internal static CredentialPayload ToPayload(Credential c, uint eventNumber) => new(
        (uint)c.KeyId, c.Id, c.GuestId, eventNumber, (ushort)c.CategoryNumber, new ZoneSet((ulong)c.ExtraZones), c.ValidFrom, c.ValidUntil);

    private static Dictionary<string, (object?, object?)> Issued(Credential c) => new()
    {
        ["credential"] = (null, c.Id),
        ["sequence"] = (null, c.Sequence),
        ["key"] = (null, c.KeyId),
    };

    private async Task<List<CredentialView>> ToViewsAsync(IReadOnlyCollection<Credential> credentials, CancellationToken ct)
    {
        if (credentials.Count == 0)
        {
            return [];
        }

        var eventId = credentials.First().EventId;
        var categories = (await guests.CategoriesAsync(eventId, ct)).ToDictionary(c => c.Id, c => c.Code);
        var retired = (await db.SigningKeys.AsNoTracking().Where(k => k.Status == SigningKeyStatus.Retired).Select(k => k.KeyId).ToListAsync(ct)).ToHashSet();
        // The zones a credential opens matter while it is in force; a revoked one opens nothing.
        var opened = await OpenedZonesAsync([.. credentials.Where(c => c.RevokedAt is null)], ct);
        return [.. credentials.Select(c => new CredentialView(c.Id, c.GuestId, c.Sequence, (uint)c.KeyId, categories.GetValueOrDefault(c.CategoryId, "?"),
            c.ValidFrom, c.ValidUntil, c.IssuedAt, c.IssuedBy, c.RevokedAt, c.RevokedReason, c.RevokedBy, retired.Contains(c.KeyId),
            [.. opened.GetValueOrDefault(c.Id)?.Select(z => z.Code) ?? []]))];
    }
}
