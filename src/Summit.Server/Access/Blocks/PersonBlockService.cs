using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Domain;
using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Access.Blocks;

/// <summary>
/// Blocked persons, refused at every gate whatever their credential. Every change is audited and raises the policy version, so
/// gates learn about it at their next sync (the server's own decisions at once).
/// </summary>
public sealed class PersonBlockService(SummitDbContext db, AccessSettingsService settings, IGuestDirectory guests, AuditLog audit,
    Localizer localizer, CurrentActor actor, TimeProvider clock)
{
    public async Task<BlockView?> GetBlockAsync(Guid guestId, CancellationToken ct = default) =>
        await db.PersonBlocks.AsNoTracking().Where(b => b.GuestId == guestId)
            .Select(b => new BlockView(b.GuestId, b.Reason, b.BlockedAt, b.BlockedBy)).FirstOrDefaultAsync(ct);

    /// <summary>Blocks a person at every gate, whatever their credential, until unblocked.</summary>
    public async Task<BlockView> BlockAsync(Guid guestId, BlockInput input, CancellationToken ct = default)
    {
        var (summitEvent, _) = await settings.GetAsync(ct);
        if (await guests.FindAsync(guestId, ct) is not { } guest || guest.EventId != summitEvent.Id)
        {
            throw new SummitException(SummitError.NotFound(GuestErrors.GuestNotFound, guestId));
        }

        var checks = new FieldChecks(localizer);
        var reason = checks.Required("reason", "field.reason", input.Reason, 500);
        checks.ThrowIfAny();
        var block = await db.PersonBlocks.FirstOrDefaultAsync(b => b.GuestId == guestId, ct);
        var before = block?.Reason;
        if (block is null)
        {
            block = new PersonBlock { GuestId = guestId, EventId = summitEvent.Id };
            db.PersonBlocks.Add(block);
        }

        block.Reason = reason;
        block.BlockedAt = clock.GetUtcNow();
        block.BlockedBy = (await actor.GetAsync()).Name;
        await audit.RecordAsync(AuditActions.PersonBlocked, "guest", guestId.ToString(), new Dictionary<string, (object?, object?)> { ["block"] = (before, reason) });
        await settings.SavePolicyChangeAsync(ct);
        return new BlockView(guestId, block.Reason, block.BlockedAt, block.BlockedBy);
    }

    /// <summary>Lifts a block; the reason (who cleared the person, and why) goes into the audit trail.</summary>
    public async Task UnblockAsync(Guid guestId, string? reason = null, CancellationToken ct = default)
    {
        var block = await db.PersonBlocks.FirstOrDefaultAsync(b => b.GuestId == guestId, ct);
        if (block is null)
        {
            return;
        }

        db.PersonBlocks.Remove(block);
        var changes = new Dictionary<string, (object?, object?)> { ["block"] = (block.Reason, null) };
        if (reason?.Trim() is { Length: > 0 } why)
        {
            changes["reason"] = (null, why.Length > 500 ? why[..500] : why);
        }

        await audit.RecordAsync(AuditActions.PersonUnblocked, "guest", guestId.ToString(), changes);
        await settings.SavePolicyChangeAsync(ct);
    }
}
