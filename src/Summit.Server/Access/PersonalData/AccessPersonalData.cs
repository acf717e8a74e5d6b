using Microsoft.EntityFrameworkCore;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Access.PersonalData;

/// <summary>
/// The Access module's part of privacy requests and the purge. A person's scans, entry conflicts and credentials stay, because
/// the closing report counts them, but under the person's pseudonym and without the credential id their badge carries; their
/// presence, personal zones and block are deleted. A credential still inside its validity window stays revoked (deleting it
/// would let its code open gates again) with a random holder, and goes once it has expired.
/// </summary>
public sealed class AccessPersonalData(SummitDbContext db, IGuestDirectory guests, AuditRedaction auditTrail) : IPersonalDataHolder
{
    public const string AreaName = "access";
    public const string ConflictReference = "entry-conflict";

    private const int Batch = 500;

    public string Area => AreaName;

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, IReadOnlyList<PersonReference> references, CancellationToken ct)
    {
        var id = subject.PersonId;
        var zones = await db.Zones.AsNoTracking().Where(z => z.EventId == subject.EventId).ToDictionaryAsync(z => z.Number, z => z.Code, ct);
        var zoneCodes = await db.Zones.AsNoTracking().Where(z => z.EventId == subject.EventId).ToDictionaryAsync(z => z.Id, z => z.Code, ct);
        var gates = await db.Gates.AsNoTracking().Where(g => g.EventId == subject.EventId).ToDictionaryAsync(g => g.Id, g => g.Code, ct);
        var categories = (await guests.CategoriesAsync(subject.EventId, ct)).ToDictionary(c => c.Id, c => c.Code);
        var records = new List<PersonalRecord>();

        foreach (var c in await db.Credentials.AsNoTracking().Where(c => c.GuestId == id).OrderBy(c => c.Sequence).ToListAsync(ct))
        {
            records.Add(new("credential", [new("credential", c.Id), new("sequence", c.Sequence), new("category", categories.GetValueOrDefault(c.CategoryId)),
                new("issuedAt", c.IssuedAt), new("validFrom", c.ValidFrom), new("validUntil", c.ValidUntil), new("revokedAt", c.RevokedAt),
                new("revokedReason", c.RevokedReason)]));
        }

        foreach (var g in await db.PersonalZoneGrants.AsNoTracking().Where(g => g.GuestId == id).OrderBy(g => g.CreatedAt).ToListAsync(ct))
        {
            records.Add(new("zone-grant", [new("zone", zoneCodes.GetValueOrDefault(g.ZoneId)), new("change", g.Change), new("firstDay", g.FirstDay),
                new("lastDay", g.LastDay), new("reason", g.Reason), new("createdAt", g.CreatedAt)]));
        }

        if (await db.PersonBlocks.AsNoTracking().FirstOrDefaultAsync(b => b.GuestId == id, ct) is { } block)
        {
            records.Add(new("block", [new("reason", block.Reason), new("blockedAt", block.BlockedAt)]));
        }

        foreach (var s in await db.Scans.AsNoTracking().Where(s => s.GuestId == id).OrderBy(s => s.ScannedAt).ToListAsync(ct))
        {
            records.Add(new("scan", [new("scannedAt", s.ScannedAt), new("gate", gates.GetValueOrDefault(s.GateId)), new("zone", zones.GetValueOrDefault(s.Zone)),
                new("direction", s.Direction), new("admitted", s.Admitted), new("reason", s.Reason), new("source", s.Source), new("late", s.Late)]));
        }

        foreach (var p in await db.ZonePresence.AsNoTracking().Where(p => p.GuestId == id).ToListAsync(ct))
        {
            records.Add(new("presence", [new("zone", zones.GetValueOrDefault(p.Zone)), new("inside", p.Inside), new("lastEntryAt", p.LastEntryAt),
                new("lastExitAt", p.LastExitAt)]));
        }

        foreach (var c in await db.EntryConflicts.AsNoTracking().Where(c => c.GuestId == id).OrderBy(c => c.DetectedAt).ToListAsync(ct))
        {
            records.Add(new("entry-conflict", [new("zone", zones.GetValueOrDefault(c.Zone)), new("detectedAt", c.DetectedAt), new("resolvedAt", c.ResolvedAt),
                new("resolution", c.Resolution)]));
        }

        return new PersonalDataSection(Area, records);
    }

    public async Task<IReadOnlyList<PersonReference>> ReferencesAsync(IReadOnlyList<Guid> personIds, CancellationToken ct)
    {
        var references = new List<PersonReference>();
        foreach (var chunk in personIds.Chunk(Batch))
        {
            references.AddRange(await db.EntryConflicts.AsNoTracking().Where(c => chunk.Contains(c.GuestId))
                .Select(c => new PersonReference(c.GuestId, ConflictReference, c.Id.ToString())).ToListAsync(ct));
        }

        return references;
    }

    /// <summary>A person blocked by security stays until the block is lifted: the gates must still recognize them.</summary>
    public async Task<IReadOnlyList<LegalHold>> HoldsAsync(IReadOnlyList<DataSubject> subjects, IReadOnlyList<PersonReference> references,
        ErasureCause cause, CancellationToken ct)
    {
        if (cause != ErasureCause.Request)
        {
            return [];
        }

        var holds = new List<LegalHold>();
        foreach (var chunk in subjects.Select(s => s.PersonId).Chunk(Batch))
        {
            var blocks = await db.PersonBlocks.AsNoTracking().Where(b => chunk.Contains(b.GuestId)).ToListAsync(ct);
            holds.AddRange(blocks.Select(b => new LegalHold(b.GuestId, Area, "person_blocked", [b.BlockedAt])));
        }

        return holds;
    }

    public async Task<IReadOnlyList<DataCount>> EraseAsync(ErasureScope scope, bool dryRun, CancellationToken ct)
    {
        int scans = 0, presence = 0, conflicts = 0, grants = 0, blocks = 0, credentialsKept = 0, credentialsDeleted = 0, revoked = 0;
        var conflictIds = new List<string>();
        foreach (var chunk in scope.PersonIds.Chunk(Batch))
        {
            var presenceRows = db.ZonePresence.Where(p => chunk.Contains(p.GuestId));
            var grantRows = db.PersonalZoneGrants.Where(g => chunk.Contains(g.GuestId));
            var blockRows = db.PersonBlocks.Where(b => chunk.Contains(b.GuestId));
            conflictIds.AddRange(await db.EntryConflicts.Where(c => chunk.Contains(c.GuestId)).Select(c => c.Id.ToString()).ToListAsync(ct));
            var credentials = await (dryRun ? db.Credentials.AsNoTracking() : db.Credentials).Where(c => chunk.Contains(c.GuestId)).ToListAsync(ct);
            var expired = credentials.Where(c => c.ValidUntil <= scope.Now).ToList();
            credentialsDeleted += expired.Count;
            credentialsKept += credentials.Count - expired.Count;
            revoked += credentials.Count(c => c.RevokedAt is null && c.ValidUntil > scope.Now);
            if (dryRun)
            {
                scans += await db.Scans.CountAsync(s => s.GuestId != null && chunk.Contains(s.GuestId.Value), ct);
                conflicts += await db.EntryConflicts.CountAsync(c => chunk.Contains(c.GuestId), ct);
                presence += await presenceRows.CountAsync(ct);
                grants += await grantRows.CountAsync(ct);
                blocks += await blockRows.CountAsync(ct);
                continue;
            }

            foreach (var personId in chunk)
            {
                var pseudonym = scope.Pseudonyms[personId];
                // The category goes onto the scan before the link to the credential goes: the closing report counts entries by it.
                scans += await db.Scans.Where(s => s.GuestId == personId).ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.GuestId, pseudonym)
                    .SetProperty(s => s.CategoryId, s => s.CategoryId ?? db.Credentials.Where(c => c.Id == s.CredentialId).Select(c => (Guid?)c.CategoryId).FirstOrDefault())
                    .SetProperty(s => s.CredentialId, (Guid?)null), ct);
                conflicts += await db.EntryConflicts.Where(c => c.GuestId == personId).ExecuteUpdateAsync(u => u
                    .SetProperty(c => c.GuestId, pseudonym)
                    .SetProperty(c => c.CredentialId, Guid.Empty)
                    .SetProperty(c => c.Resolution, c => c.Resolution == null ? null : ErasedText.Marker), ct);
            }

            presence += await presenceRows.ExecuteDeleteAsync(ct);
            grants += await grantRows.ExecuteDeleteAsync(ct);
            blocks += await blockRows.ExecuteDeleteAsync(ct);
            db.Credentials.RemoveRange(expired);
            foreach (var credential in credentials.Except(expired))
            {
                // Kept so that the gates go on refusing its code, but no longer anyone's: the holder becomes a random id.
                credential.GuestId = Guid.NewGuid();
                credential.RevokedAt ??= scope.Now;
                credential.RevokedReason = ErasedText.Marker;
            }

            await db.SaveChangesAsync(ct);
        }

        var conflictAudit = await auditTrail.RewriteEntitiesAsync("entry_conflict", conflictIds.ToDictionary(c => c, _ => (string?)null),
            (_, _) => ErasedText.Marker, dryRun, ct);
        if (!dryRun && revoked + grants + blocks + credentialsDeleted > 0)
        {
            await PolicyChangedAsync(scope.EventId, ct);
        }

        return
        [
            new(Area, "scan", DataAction.Anonymized, scans), new(Area, "entry-conflict", DataAction.Anonymized, conflicts),
            new(Area, "presence", DataAction.Deleted, presence), new(Area, "zone-grant", DataAction.Deleted, grants), new(Area, "block", DataAction.Deleted, blocks),
            new(Area, "credential", DataAction.Deleted, credentialsDeleted), new(Area, "credential", DataAction.Anonymized, credentialsKept),
            new(Area, "credential-revoked", DataAction.Anonymized, revoked), new(Area, "conflict-audit-entry", DataAction.Anonymized, conflictAudit),
        ];
    }

    /// <summary>
    /// After the persons: credentials that have expired since they were made anonymous, and scans of holders Summit no longer
    /// knows (an offline gate that uploaded after the purge), which get a random holder each.
    /// </summary>
    public async Task<IReadOnlyList<DataCount>> PurgeEventAsync(EventPurgeScope scope, bool dryRun, CancellationToken ct)
    {
        var held = scope.HeldPersons.ToList();
        var erased = scope.ErasedPersons.ToList();
        var expired = db.Credentials.Where(c => c.EventId == scope.EventId && c.ValidUntil <= scope.Now && !held.Contains(c.GuestId)
            && !erased.Contains(c.GuestId));
        var credentials = dryRun ? await expired.CountAsync(ct) : await expired.ExecuteDeleteAsync(ct);
        var stillValid = await db.Credentials.CountAsync(c => c.EventId == scope.EventId && c.ValidUntil > scope.Now && !held.Contains(c.GuestId), ct);

        var holders = await db.Scans.Where(s => s.EventId == scope.EventId && s.GuestId != null).Select(s => s.GuestId!.Value).Distinct().ToListAsync(ct);
        var known = new HashSet<Guid>();
        foreach (var chunk in holders.Chunk(Batch))
        {
            known.UnionWith((await guests.GetCardsAsync(chunk, ct)).Select(c => c.Id));
        }

        var unknown = holders.Where(h => !known.Contains(h)).ToList();
        var orphanScans = 0;
        foreach (var holder in unknown)
        {
            var rows = db.Scans.Where(s => s.EventId == scope.EventId && s.GuestId == holder);
            var stranger = Guid.NewGuid();
            orphanScans += dryRun ? await rows.CountAsync(ct)
                : await rows.ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.GuestId, stranger)
                    .SetProperty(s => s.CategoryId, s => s.CategoryId ?? db.Credentials.Where(c => c.Id == s.CredentialId).Select(c => (Guid?)c.CategoryId).FirstOrDefault())
                    .SetProperty(s => s.CredentialId, (Guid?)null), ct);
        }

        if (!dryRun && credentials > 0)
        {
            await PolicyChangedAsync(scope.EventId, ct);
        }

        return
        [
            new(Area, "credential", DataAction.Deleted, credentials), new(Area, "credential-in-force", DataAction.Kept, stillValid),
            new(Area, "scan-unknown-holder", DataAction.Anonymized, orphanScans),
        ];
    }

    /// <summary>The gates learn about removed grants, blocks and credentials with the next policy version.</summary>
    private async Task PolicyChangedAsync(Guid eventId, CancellationToken ct) =>
        await db.AccessSettings.Where(s => s.EventId == eventId).ExecuteUpdateAsync(u => u.SetProperty(s => s.PolicyVersion, s => s.PolicyVersion + 1), ct);
}
