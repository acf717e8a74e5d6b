using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Domain;
using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Access.Grants;

/// <summary>
/// Which zones each accreditation category opens, on which days. Every change is audited and raises the policy version, so
/// gates learn about it at their next sync (the server's own decisions at once).
/// </summary>
public sealed class CategoryZoneService(SummitDbContext db, AccessSettingsService settings, IGuestDirectory guests, AuditLog audit,
    Localizer localizer)
{
    public async Task<List<CategoryZonesView>> ListCategoryZonesAsync(CancellationToken ct = default)
    {
        var (summitEvent, _) = await settings.GetAsync(ct);
        var grants = await db.CategoryZoneGrants.AsNoTracking().Where(g => g.EventId == summitEvent.Id).ToListAsync(ct);
        return [.. grants.GroupBy(g => g.CategoryId)
            .Select(g => new CategoryZonesView(g.Key, [.. g.Select(x => new ZoneDays(x.ZoneId, x.FirstDay, x.LastDay))]))];
    }

    /// <summary>Replaces the zones a category opens.</summary>
    public async Task<CategoryZonesView> SetCategoryZonesAsync(Guid categoryId, IReadOnlyList<ZoneDays> zones, CancellationToken ct = default)
    {
        var (summitEvent, _) = await settings.GetAsync(ct);
        if (!(await guests.CategoriesAsync(summitEvent.Id, ct)).Any(c => c.Id == categoryId))
        {
            throw new SummitException(SummitError.NotFound(GuestErrors.CategoryNotFound, categoryId));
        }

        var eventZones = await db.Zones.AsNoTracking().Where(z => z.EventId == summitEvent.Id).ToDictionaryAsync(z => z.Id, ct);
        var checks = new FieldChecks(localizer);
        foreach (var (grant, index) in zones.Select((z, i) => (z, i)))
        {
            if (grant is null || !eventZones.ContainsKey(grant.ZoneId))
            {
                checks.Add($"zones[{index}]", "access.field.zone", ErrorCodes.ZoneUnknown, grant?.ZoneId.ToString() ?? "null");
            }
            else if (grant.FirstDay > grant.LastDay)
            {
                checks.Add($"zones[{index}]", "access.field.days", AccessErrors.DayRangeInvalid, grant.FirstDay, grant.LastDay);
            }
        }

        checks.ThrowIfAny();
        var existing = await db.CategoryZoneGrants.Where(g => g.CategoryId == categoryId).ToListAsync(ct);
        var before = Describe(existing.Select(g => new ZoneDays(g.ZoneId, g.FirstDay, g.LastDay)), eventZones);
        db.CategoryZoneGrants.RemoveRange(existing);
        db.CategoryZoneGrants.AddRange(zones.Distinct().Select(z => new CategoryZoneGrant
        {
            EventId = summitEvent.Id,
            CategoryId = categoryId,
            ZoneId = z.ZoneId,
            FirstDay = z.FirstDay,
            LastDay = z.LastDay,
        }));
        var after = Describe(zones.Distinct(), eventZones);
        if (before != after)
        {
            await audit.RecordAsync(AuditActions.CategoryZonesChanged, "category", categoryId.ToString(),
                new Dictionary<string, (object?, object?)> { ["zones"] = (before, after) });
        }

        await settings.SavePolicyChangeAsync(ct);
        return new CategoryZonesView(categoryId, [.. zones.Distinct()]);
    }

    private static string Describe(IEnumerable<ZoneDays> zones, IReadOnlyDictionary<Guid, Zone> eventZones) =>
        string.Join(", ", zones
            .Select(z => $"{(eventZones.TryGetValue(z.ZoneId, out var zone) ? zone.Code : "?")} {GrantDays.Describe(z.FirstDay, z.LastDay)}".Trim())
            .Order(StringComparer.Ordinal));
}
