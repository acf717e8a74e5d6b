using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Domain;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Policy;

/// <summary>
/// Everything the server decides scans by, read once per policy version: the same keys, lists, grants and rules the gates
/// receive, plus the names to show. Immutable; a change of version builds a new one.
/// </summary>
public sealed class AccessSnapshot
{
    public required long PolicyVersion { get; init; }
    public required Guid EventId { get; init; }
    public required uint EventNumber { get; init; }
    public required string TimeZoneId { get; init; }
    public required AccessPolicy Policy { get; init; }
    public required int LateAfterSeconds { get; init; }
    public required FrozenDictionary<Guid, GateInfo> Gates { get; init; }
    public required FrozenDictionary<int, ZoneView> Zones { get; init; }
    public required FrozenDictionary<ushort, CategoryCard> CategoriesByNumber { get; init; }

    public required IReadOnlyList<PublicKeyEntry> Keys { get; init; }
    public required IReadOnlyList<Guid> RevokedCredentials { get; init; }
    public required IReadOnlyList<Guid> BlockedHolders { get; init; }
    public required IReadOnlyList<CategoryGrantEntry> CategoryGrants { get; init; }
    public required IReadOnlyList<PersonalGrantEntry> PersonalGrants { get; init; }
    public required IReadOnlyList<ZoneRuleEntry> Rules { get; init; }
    public IReadOnlyList<ZoneClosureEntry> Closures { get; init; } = [];

    public TimeZoneInfo TimeZone => Policy.TimeZone;

    /// <summary>What a gate device receives: the whole policy and its own gate.</summary>
    public GatePolicyDocument DocumentFor(GateInfo gate) =>
        new(PolicyVersion, EventNumber, TimeZoneId, gate, Keys, RevokedCredentials, BlockedHolders, CategoryGrants, PersonalGrants, Rules, Closures);

    internal static async Task<AccessSnapshot> BuildAsync(SummitDbContext db, IGuestDirectory guests, AccessSettings settings, string timeZoneId,
        CancellationToken ct)
    {
        var eventId = settings.EventId;
        var keys = await db.SigningKeys.AsNoTracking().OrderBy(k => k.KeyId).ToListAsync(ct);
        var revoked = await db.Credentials.AsNoTracking().Where(c => c.EventId == eventId && c.RevokedAt != null).Select(c => c.Id).ToListAsync(ct);
        var blocked = await db.PersonBlocks.AsNoTracking().Where(b => b.EventId == eventId).Select(b => b.GuestId).ToListAsync(ct);
        var numbers = await db.CategoryNumbers.AsNoTracking().Where(c => c.EventId == eventId).ToDictionaryAsync(c => c.CategoryId, c => (ushort)c.Number, ct);
        var zones = await db.Zones.AsNoTracking().Where(z => z.EventId == eventId).ToListAsync(ct);
        var zoneNumbers = zones.ToDictionary(z => z.Id, z => z.Number);
        var categoryGrants = await db.CategoryZoneGrants.AsNoTracking().Where(g => g.EventId == eventId).ToListAsync(ct);
        var personal = await (from grant in db.PersonalZoneGrants.AsNoTracking()
                              join credential in db.Credentials.AsNoTracking() on grant.GuestId equals credential.GuestId
                              where grant.EventId == eventId && credential.RevokedAt == null
                              select new { credential.Id, grant.ZoneId, grant.Change, grant.FirstDay, grant.LastDay }).ToListAsync(ct);
        var gates = await db.Gates.AsNoTracking().Include(g => g.Zone).Where(g => g.EventId == eventId).ToListAsync(ct);
        var categories = await guests.CategoriesAsync(eventId, ct);
        var closures = await db.Set<ZoneClosure>().AsNoTracking().Where(c => c.EventId == eventId).ToListAsync(ct);

        var keyEntries = keys.Select(k => new PublicKeyEntry((uint)k.KeyId, Convert.ToBase64String(k.PublicKey), k.GateStatus)).ToList();
        var grantEntries = categoryGrants
            .Where(g => numbers.ContainsKey(g.CategoryId) && zoneNumbers.ContainsKey(g.ZoneId))
            .GroupBy(g => (Category: numbers[g.CategoryId], g.FirstDay, g.LastDay))
            .Select(g => new CategoryGrantEntry(g.Key.Category, g.Aggregate(0UL, (bits, x) => bits | (1UL << zoneNumbers[x.ZoneId])), g.Key.FirstDay, g.Key.LastDay))
            .ToList();
        var personalEntries = personal
            .Where(p => zoneNumbers.ContainsKey(p.ZoneId))
            .Select(p => new PersonalGrantEntry(p.Id, p.Change, 1UL << zoneNumbers[p.ZoneId], p.FirstDay, p.LastDay))
            .ToList();
        var closureEntries = closures.Where(c => zoneNumbers.ContainsKey(c.ZoneId)).OrderBy(c => c.From)
            .Select(c => new ZoneClosureEntry(zoneNumbers[c.ZoneId], c.From, c.Until)).ToList();
        var rules = zones.Select(z => new ZoneRuleEntry(z.Number, z.AntiPassback, z.ReentryMinutes, z.DailyReset, z.MaxEntriesPerDay, z.MaxInside)).ToList();

        var keyRing = new PublicKeyRing(keyEntries.Select(k => KeyRingEntry.FromRaw(k.KeyId, Convert.FromBase64String(k.PublicKey), k.Status)!));
        var policy = new AccessPolicy
        {
            EventId = (uint)settings.EventNumber,
            TimeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId),
            Keys = keyRing,
            Revocations = new RevocationSet(revoked, blocked),
            Grants = new ZoneGrantTable(
                grantEntries.Select(g => new CategoryGrant(g.Category, new ZoneSet(g.Zones), new DayRange(g.FirstDay, g.LastDay))),
                personalEntries.Select(g => new PersonalGrant(g.CredentialId, g.Change, new ZoneSet(g.Zones), new DayRange(g.FirstDay, g.LastDay)))),
            Rules = new ZoneRules(zones.Select(z => KeyValuePair.Create(z.Number, z.ToRule()))),
            Closures = new ZoneClosures(closureEntries.Select(c => new ZoneClosedPeriod(c.Zone, c.From, c.Until))),
        };

        return new AccessSnapshot
        {
            PolicyVersion = settings.PolicyVersion,
            EventId = eventId,
            EventNumber = (uint)settings.EventNumber,
            TimeZoneId = timeZoneId,
            Policy = policy,
            LateAfterSeconds = settings.LateAfterSeconds,
            Gates = gates.ToFrozenDictionary(g => g.Id, g => new GateInfo(g.Id, g.Number, g.Code, g.NameEn, g.NameZh, g.Zone!.Number, g.Zone.Code,
                g.Directions, g.IsOpen)),
            Zones = zones.ToFrozenDictionary(z => z.Number, ZoneView.From),
            CategoriesByNumber = categories.Where(c => numbers.ContainsKey(c.Id)).ToFrozenDictionary(c => numbers[c.Id]),
            Keys = keyEntries,
            RevokedCredentials = revoked,
            BlockedHolders = blocked,
            CategoryGrants = grantEntries,
            PersonalGrants = personalEntries,
            Rules = rules,
            Closures = closureEntries,
        };
    }
}
