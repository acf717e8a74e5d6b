using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Policy;
using Summit.Server.Access.Scanning;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Credentials;

/// <summary>Who a gate can admit (<see cref="IGateAdmissions"/>), from the credentials and the policy in force.</summary>
public sealed class GateAdmissionQueries(SummitDbContext db, AccessSnapshotCache cache, IGuestDirectory guests, AccessSettingsService settings,
    CredentialService credentials, DeviceContext devices, TimeProvider clock) : IGateAdmissions
{
    /// <summary>Days of a credential's validity looked at: an event's credentials are valid for days, not years.</summary>
    private const int MaxDays = 400;

    public async Task<GateInfo> GateOfDeviceAsync(ClaimsPrincipal device, CancellationToken ct = default) => (await devices.ResolveAsync(device, ct)).Gate;

    public async Task<IReadOnlyList<GateAdmission>> AdmissibleAsync(Guid gateId, IReadOnlyCollection<Guid> holderIds, IReadOnlySet<Guid> withCodes,
        CancellationToken ct = default)
    {
        var snapshot = await cache.GetAsync(db, guests, settings, ct);
        if (holderIds.Count == 0 || !snapshot.Gates.TryGetValue(gateId, out var gate) || gate.Resolve(GateDirection.Entry) is null)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var ids = holderIds.Distinct().ToList();
        var rows = await db.Credentials.AsNoTracking()
            .Where(c => c.EventId == snapshot.EventId && c.RevokedAt == null && c.ValidUntil > now && ids.Contains(c.GuestId)).ToListAsync(ct);
        var policy = snapshot.Policy;
        var today = AccessDay.LocalDay(now, policy.TimeZone);
        var admissible = rows
            .Where(c => !policy.Revocations.IsRevoked(c.Id) && !policy.Revocations.IsBlocked(c.GuestId))
            .Where(c => OpensLater(CredentialService.ToPayload(c, snapshot.EventNumber), gate.Zone, today, policy))
            .GroupBy(c => c.GuestId)
            .Select(g => g.OrderByDescending(c => c.Sequence).First())
            .ToList();

        var codeHolders = admissible.Where(c => withCodes.Contains(c.GuestId)).Select(c => c.GuestId).ToList();
        var codes = codeHolders.Count == 0 ? [] : await credentials.GetCodesAsync(codeHolders, ct);
        return [.. admissible.Select(c => new GateAdmission(c.GuestId, c.Id, withCodes.Contains(c.GuestId) ? codes.GetValueOrDefault(c.GuestId) : null))];
    }

    /// <summary>Whether the credential opens the zone on a day from today to the end of its validity.</summary>
    private static bool OpensLater(CredentialPayload payload, int zone, DateOnly today, AccessPolicy policy)
    {
        var first = AccessDay.LocalDay(payload.ValidFrom, policy.TimeZone);
        var last = AccessDay.LocalDay(payload.ValidUntil.AddTicks(-1), policy.TimeZone);
        first = first > today ? first : today;
        for (var (day, n) = (first, 0); day <= last && n < MaxDays; day = day.AddDays(1), n++)
        {
            if (policy.Grants.IsGranted(payload, zone, day))
            {
                return true;
            }
        }

        return false;
    }
}
