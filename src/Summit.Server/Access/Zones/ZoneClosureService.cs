using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Domain;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Access.Zones;

/// <summary>
/// The zones' closures on other modules' behalf (<see cref="IZoneClosures"/>). Each change marks a new policy version in the same unit
/// of work, so the gates receive the closure with the change that caused it; the decision itself is by time (<c>GateChecks.ZoneNotClosed</c>),
/// so a closure starts and ends at the gates without another change.
/// </summary>
public sealed class ZoneClosureService(SummitDbContext db, AccessSettingsService settings, TimeProvider clock) : IZoneClosures
{
    public async Task CloseAsync(ZoneClosureRequest closure, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(closure.Owner);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(closure.Owner.Length, ZoneClosureLimits.OwnerLength);
        var (summitEvent, _) = await settings.GetAsync(ct);
        if (!await db.Zones.AnyAsync(z => z.Id == closure.ZoneId && z.EventId == summitEvent.Id, ct))
        {
            throw new SummitException(SummitError.Of(ErrorCodes.ZoneUnknown, closure.ZoneId));
        }

        var row = await FindAsync(summitEvent.Id, closure.Owner, ct);
        if (row is null)
        {
            row = new ZoneClosure { EventId = summitEvent.Id, Owner = closure.Owner, CreatedAt = clock.GetUtcNow() };
            db.Add(row);
        }

        row.ZoneId = closure.ZoneId;
        row.From = closure.From.ToUniversalTime();
        row.Until = closure.Until.ToUniversalTime();
        row.Reason = closure.Reason.Length > ZoneClosureLimits.ReasonLength ? closure.Reason[..ZoneClosureLimits.ReasonLength] : closure.Reason;
        await settings.PolicyChangedAsync(ct);
    }

    public async Task OpenAsync(string owner, CancellationToken ct = default)
    {
        var (summitEvent, _) = await settings.GetAsync(ct);
        if (await FindAsync(summitEvent.Id, owner, ct) is { } row)
        {
            db.Remove(row);
            await settings.PolicyChangedAsync(ct);
        }
    }

    public async Task<List<ZoneClosureView>> ListAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken ct = default)
    {
        (from, until) = (from.ToUniversalTime(), until.ToUniversalTime());
        var (summitEvent, _) = await settings.GetAsync(ct);
        var rows = await db.Set<ZoneClosure>().AsNoTracking()
            .Where(c => c.EventId == summitEvent.Id && c.From < until && c.Until > from)
            .Join(db.Zones.AsNoTracking(), c => c.ZoneId, z => z.Id, (c, z) => new { closure = c, z.Number, z.Code })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.closure.From).Select(r => new ZoneClosureView(r.closure.Id, r.closure.ZoneId, r.Number, r.Code, r.closure.From,
            r.closure.Until, r.closure.Reason, r.closure.Owner))];
    }

    /// <summary>The owner's closure, also when this unit of work added it and has not saved it yet.</summary>
    private async Task<ZoneClosure?> FindAsync(Guid eventId, string owner, CancellationToken ct) =>
        db.ChangeTracker.Entries<ZoneClosure>().Select(e => e.Entity).FirstOrDefault(c => c.EventId == eventId && c.Owner == owner)
        ?? await db.Set<ZoneClosure>().FirstOrDefaultAsync(c => c.EventId == eventId && c.Owner == owner, ct);
}
