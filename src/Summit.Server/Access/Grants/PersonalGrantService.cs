using Microsoft.EntityFrameworkCore;
using Summit.Access.Core;
using Summit.Server.Access.Domain;
using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Grants;

/// <summary>
/// One person's own zone additions and removals on top of their category's. Every change is audited and raises the policy
/// version, so gates learn about it at their next sync (the server's own decisions at once).
/// </summary>
public sealed class PersonalGrantService(SummitDbContext db, AccessSettingsService settings, IGuestDirectory guests, AuditLog audit,
    TimeProvider clock)
{
    public async Task<List<PersonalGrantView>> ListPersonalGrantsAsync(Guid guestId, CancellationToken ct = default)
    {
        var zones = await db.Zones.AsNoTracking().ToDictionaryAsync(z => z.Id, z => z.Code, ct);
        var grants = await db.PersonalZoneGrants.AsNoTracking().Where(g => g.GuestId == guestId).OrderBy(g => g.CreatedAt).ToListAsync(ct);
        return [.. grants.Select(g => new PersonalGrantView(g.Id, g.GuestId, g.ZoneId, zones.GetValueOrDefault(g.ZoneId, "?"), g.Change, g.FirstDay,
            g.LastDay, g.Reason, g.CreatedAt))];
    }

    /// <summary>Adds or removes one zone for one person (on the days given); it follows the person across reissues.</summary>
    public async Task<PersonalGrantView> AddPersonalGrantAsync(Guid guestId, PersonalGrantInput input, CancellationToken ct = default)
    {
        var (summitEvent, _) = await settings.GetAsync(ct);
        if (await guests.FindAsync(guestId, ct) is not { } guest || guest.EventId != summitEvent.Id)
        {
            throw new SummitException(SummitError.NotFound(GuestErrors.GuestNotFound, guestId));
        }

        var zone = await db.Zones.AsNoTracking().FirstOrDefaultAsync(z => z.Id == input.ZoneId && z.EventId == summitEvent.Id, ct)
            ?? throw new SummitException(SummitError.Of(ErrorCodes.ZoneUnknown, input.ZoneId));
        if (!Enum.IsDefined(input.Change))
        {
            throw new SummitException(SummitError.Of(ErrorCodes.RequestInvalid, 1));
        }

        if (input.FirstDay > input.LastDay)
        {
            throw new SummitException(SummitError.Of(AccessErrors.DayRangeInvalid, input.FirstDay!, input.LastDay!));
        }

        var grant = new PersonalZoneGrant
        {
            EventId = summitEvent.Id,
            GuestId = guestId,
            ZoneId = zone.Id,
            Change = input.Change,
            FirstDay = input.FirstDay,
            LastDay = input.LastDay,
            Reason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim()[..Math.Min(500, input.Reason.Trim().Length)],
            CreatedAt = clock.GetUtcNow(),
        };
        db.PersonalZoneGrants.Add(grant);
        await audit.RecordAsync(AuditActions.PersonalGrantAdded, "guest", guestId.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["zone"] = (null, Describe(grant, zone.Code)),
            ["reason"] = (null, grant.Reason),
        });
        await settings.SavePolicyChangeAsync(ct);
        return new PersonalGrantView(grant.Id, guestId, zone.Id, zone.Code, grant.Change, grant.FirstDay, grant.LastDay, grant.Reason, grant.CreatedAt);
    }

    public async Task RemovePersonalGrantAsync(Guid guestId, Guid grantId, CancellationToken ct = default)
    {
        var grant = await db.PersonalZoneGrants.FirstOrDefaultAsync(g => g.Id == grantId && g.GuestId == guestId, ct)
            ?? throw new SummitException(SummitError.NotFound(AccessErrors.PersonalGrantNotFound, grantId));
        var zone = await db.Zones.AsNoTracking().FirstAsync(z => z.Id == grant.ZoneId, ct);
        db.PersonalZoneGrants.Remove(grant);
        await audit.RecordAsync(AuditActions.PersonalGrantRemoved, "guest", guestId.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["zone"] = (Describe(grant, zone.Code), null),
        });
        await settings.SavePolicyChangeAsync(ct);
    }

    /// <summary>The grant as the audit trail shows it: "+VIP (2026-05-01)", "-MAIN".</summary>
    private static string Describe(PersonalZoneGrant grant, string zoneCode) =>
        $"{(grant.Change == GrantChange.Add ? "+" : "-")}{zoneCode} {GrantDays.Describe(grant.FirstDay, grant.LastDay)}".Trim();
}
