using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Summit.Access.Core;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Domain;
using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Access.Zones;

/// <summary>
/// Zones, gates, which zones each category opens, per-person additions and removals, and blocked persons. Every change is
/// audited and raises the policy version, so gates learn about it at their next sync (the server's own decisions at once).
/// </summary>
public sealed partial class ZoneService(SummitDbContext db, AccessSettingsService settings, IGuestDirectory guests, AuditLog audit,
    Localizer localizer, CurrentActor actor, TimeProvider clock) : IZoneDirectory
{
    public async Task<List<ZoneView>> ListZonesAsync(CancellationToken ct = default)
    {
        var (summitEvent, _) = await settings.GetAsync(ct);
        var zones = await db.Zones.AsNoTracking().Where(z => z.EventId == summitEvent.Id).OrderBy(z => z.SortOrder).ThenBy(z => z.Number).ToListAsync(ct);
        return [.. zones.Select(ZoneView.From)];
    }

    public async Task<ZoneView> CreateZoneAsync(ZoneInput input, CancellationToken ct = default)
    {
        var (summitEvent, _) = await settings.GetAsync(ct);
        var taken = await db.Zones.Where(z => z.EventId == summitEvent.Id).Select(z => z.Number).ToListAsync(ct);
        var number = input.Number ?? Enumerable.Range(0, ZoneSet.MaxZone + 1).Cast<int?>().FirstOrDefault(n => !taken.Contains(n!.Value))
            ?? throw new SummitException(SummitError.Conflict(AccessErrors.ZoneLimitReached, ZoneSet.MaxZone + 1));
        if (number is < 0 or > ZoneSet.MaxZone || taken.Contains(number))
        {
            throw new SummitException(SummitError.Conflict(AccessErrors.ZoneNumberTaken, number));
        }

        var zone = new Zone { EventId = summitEvent.Id, Number = number, SortOrder = input.SortOrder ?? (taken.Count == 0 ? 0 : taken.Count) };
        await ApplyAsync(zone, input, ct);
        db.Zones.Add(zone);
        await audit.RecordAsync(AuditActions.ZoneCreated, "zone", zone.Id.ToString(), AuditLog.Diff(new Dictionary<string, object?>(), Snapshot(zone)));
        await SavePolicyChangeAsync(ct);
        return ZoneView.From(zone);
    }

    public async Task<ZoneView> UpdateZoneAsync(Guid id, ZoneInput input, CancellationToken ct = default)
    {
        var zone = await db.Zones.FirstOrDefaultAsync(z => z.Id == id, ct) ?? throw new SummitException(SummitError.NotFound(AccessErrors.ZoneNotFound, id));
        if (input.Number is { } number && number != zone.Number)
        {
            // Credentials carry zone numbers: renumbering would silently move their holders to another zone.
            throw new SummitException(SummitError.Conflict(AccessErrors.ZoneNumberFixed, zone.Code));
        }

        var before = Snapshot(zone);
        await ApplyAsync(zone, input, ct);
        zone.SortOrder = input.SortOrder ?? zone.SortOrder;
        await audit.RecordAsync(AuditActions.ZoneUpdated, "zone", zone.Id.ToString(), AuditLog.Diff(before, Snapshot(zone)));
        await SavePolicyChangeAsync(ct);
        return ZoneView.From(zone);
    }

    public async Task DeleteZoneAsync(Guid id, CancellationToken ct = default)
    {
        var zone = await db.Zones.FirstOrDefaultAsync(z => z.Id == id, ct) ?? throw new SummitException(SummitError.NotFound(AccessErrors.ZoneNotFound, id));
        if (await db.Gates.AnyAsync(g => g.ZoneId == id, ct))
        {
            throw new SummitException(SummitError.Conflict(AccessErrors.ZoneHasGates, zone.Code));
        }

        db.Zones.Remove(zone);
        await audit.RecordAsync(AuditActions.ZoneDeleted, "zone", zone.Id.ToString(), AuditLog.Diff(Snapshot(zone), new Dictionary<string, object?>()));
        await SavePolicyChangeAsync(ct);
    }

    public async Task<List<GateView>> ListGatesAsync(CancellationToken ct = default)
    {
        var (summitEvent, _) = await settings.GetAsync(ct);
        var devices = await db.GateDevices.AsNoTracking().Where(d => d.EventId == summitEvent.Id && d.RevokedAt == null)
            .GroupBy(d => d.GateId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var gates = await db.Gates.AsNoTracking().Include(g => g.Zone).Where(g => g.EventId == summitEvent.Id).OrderBy(g => g.Number).ToListAsync(ct);
        return [.. gates.Select(g => ToView(g, devices.GetValueOrDefault(g.Id)))];
    }

    public async Task<GateView> GetGateAsync(Guid id, CancellationToken ct = default)
    {
        var gate = await db.Gates.AsNoTracking().Include(g => g.Zone).FirstOrDefaultAsync(g => g.Id == id, ct)
            ?? throw new SummitException(SummitError.NotFound(AccessErrors.GateNotFound, id));
        return ToView(gate, await db.GateDevices.CountAsync(d => d.GateId == id && d.RevokedAt == null, ct));
    }

    public async Task<GateView> CreateGateAsync(GateInput input, CancellationToken ct = default)
    {
        var (summitEvent, _) = await settings.GetAsync(ct);
        var number = (await db.Gates.Where(g => g.EventId == summitEvent.Id).MaxAsync(g => (int?)g.Number, ct) ?? 0) + 1;
        var gate = new AccessGate { EventId = summitEvent.Id, Number = number };
        await ApplyAsync(gate, input, ct);
        db.Gates.Add(gate);
        await audit.RecordAsync(AuditActions.GateCreated, "gate", gate.Id.ToString(), AuditLog.Diff(new Dictionary<string, object?>(), Snapshot(gate)));
        await SavePolicyChangeAsync(ct);
        return await GetGateAsync(gate.Id, ct);
    }

    public async Task<GateView> UpdateGateAsync(Guid id, GateInput input, CancellationToken ct = default)
    {
        var gate = await db.Gates.FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw new SummitException(SummitError.NotFound(AccessErrors.GateNotFound, id));
        var before = Snapshot(gate);
        await ApplyAsync(gate, input, ct);
        await audit.RecordAsync(AuditActions.GateUpdated, "gate", gate.Id.ToString(), AuditLog.Diff(before, Snapshot(gate)));
        await SavePolicyChangeAsync(ct);
        return await GetGateAsync(gate.Id, ct);
    }

    /// <summary>Opens or closes a gate: a closed gate refuses every scan with GateClosed.</summary>
    public async Task<GateView> SetGateOpenAsync(Guid id, bool open, CancellationToken ct = default)
    {
        var gate = await db.Gates.FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw new SummitException(SummitError.NotFound(AccessErrors.GateNotFound, id));
        if (gate.IsOpen != open)
        {
            gate.IsOpen = open;
            await audit.RecordAsync(open ? AuditActions.GateOpened : AuditActions.GateClosed, "gate", gate.Id.ToString(),
                new Dictionary<string, (object?, object?)> { ["isOpen"] = (!open, open) });
            await SavePolicyChangeAsync(ct);
        }

        return await GetGateAsync(id, ct);
    }

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

        await SavePolicyChangeAsync(ct);
        return new CategoryZonesView(categoryId, [.. zones.Distinct()]);
    }

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
            ["zone"] = (null, $"{(input.Change == GrantChange.Add ? "+" : "-")}{zone.Code} {Days(input.FirstDay, input.LastDay)}".Trim()),
            ["reason"] = (null, grant.Reason),
        });
        await SavePolicyChangeAsync(ct);
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
            ["zone"] = ($"{(grant.Change == GrantChange.Add ? "+" : "-")}{zone.Code} {Days(grant.FirstDay, grant.LastDay)}".Trim(), null),
        });
        await SavePolicyChangeAsync(ct);
    }

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
        await SavePolicyChangeAsync(ct);
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
        await SavePolicyChangeAsync(ct);
    }

    private async Task ApplyAsync(Zone zone, ZoneInput input, CancellationToken ct)
    {
        var checks = new FieldChecks(localizer);
        var code = Code(checks, input.Code);
        var nameEn = checks.Required("nameEn", "access.field.name_en", input.NameEn, 100);
        var nameZh = checks.Required("nameZh", "access.field.name_zh", input.NameZh, 100);
        var venue = string.IsNullOrWhiteSpace(input.Venue) ? null : input.Venue.Trim();
        if (venue?.Length > 200)
        {
            checks.Add("venue", "access.field.venue", ErrorCodes.FieldTooLong, 200);
        }

        if (input.Capacity is < 0 or > 1_000_000)
        {
            checks.Add("capacity", "access.field.capacity", ErrorCodes.NumberOutOfRange, 0, 1_000_000);
        }

        if (!Enum.IsDefined(input.CapacityLimit))
        {
            checks.Add("capacityLimit", "access.field.capacity_limit", ErrorCodes.RequestInvalid, 1);
        }
        else if (input.CapacityLimit == CapacityLimit.Hard && input.Capacity == 0)
        {
            // A hard limit of nothing would refuse everyone: say so rather than close the zone by accident.
            checks.Add("capacity", "access.field.capacity", ErrorCodes.NumberOutOfRange, 1, 1_000_000);
        }

        if (!Enum.IsDefined(input.AntiPassback))
        {
            checks.Add("antiPassback", "access.field.anti_passback", ErrorCodes.RequestInvalid, 1);
        }
        else if (input.AntiPassback == AntiPassbackMode.Timed && input.ReentryMinutes is < 1 or > 1440)
        {
            checks.Add("reentryMinutes", "access.field.reentry_minutes", ErrorCodes.NumberOutOfRange, 1, 1440);
        }

        if (input.MaxEntriesPerDay is < 0 or > 1000)
        {
            checks.Add("maxEntriesPerDay", "access.field.max_entries", ErrorCodes.NumberOutOfRange, 0, 1000);
        }

        CheckPlan(checks, input.Plan);
        checks.ThrowIfAny();
        if (await db.Zones.AnyAsync(z => z.EventId == zone.EventId && z.Id != zone.Id && z.Code == code, ct))
        {
            throw new SummitException(SummitError.Conflict(AccessErrors.ZoneCodeDuplicate, code));
        }

        zone.Code = code;
        zone.NameEn = nameEn;
        zone.NameZh = nameZh;
        zone.Venue = venue;
        zone.Capacity = input.Capacity;
        zone.CapacityLimit = input.CapacityLimit;
        zone.AntiPassback = input.AntiPassback;
        zone.ReentryMinutes = input.AntiPassback == AntiPassbackMode.Timed ? input.ReentryMinutes : 0;
        zone.DailyReset = input.DailyReset ?? zone.DailyReset;
        zone.MaxEntriesPerDay = input.MaxEntriesPerDay;
        zone.Plan = input.Plan;
    }

    /// <summary>The rectangle must lie wholly on the plan's canvas and be large enough to read; each side is checked on its own field.</summary>
    internal static void CheckPlan(FieldChecks checks, ZonePlanArea? plan)
    {
        if (plan is null)
        {
            return;
        }

        if (plan.X is < 0 or > ZonePlanArea.CanvasWidth - ZonePlanArea.MinSide)
        {
            checks.Add("plan.x", "access.field.plan_x", ErrorCodes.NumberOutOfRange, 0, ZonePlanArea.CanvasWidth - ZonePlanArea.MinSide);
        }

        if (plan.Y is < 0 or > ZonePlanArea.CanvasHeight - ZonePlanArea.MinSide)
        {
            checks.Add("plan.y", "access.field.plan_y", ErrorCodes.NumberOutOfRange, 0, ZonePlanArea.CanvasHeight - ZonePlanArea.MinSide);
        }

        // The far edge must stay on the canvas: the largest width is what is left right of x (below y for the height).
        var maxWidth = ZonePlanArea.CanvasWidth - Math.Clamp(plan.X, 0, ZonePlanArea.CanvasWidth - ZonePlanArea.MinSide);
        if (plan.Width < ZonePlanArea.MinSide || plan.Width > maxWidth)
        {
            checks.Add("plan.width", "access.field.plan_width", ErrorCodes.NumberOutOfRange, ZonePlanArea.MinSide, maxWidth);
        }

        var maxHeight = ZonePlanArea.CanvasHeight - Math.Clamp(plan.Y, 0, ZonePlanArea.CanvasHeight - ZonePlanArea.MinSide);
        if (plan.Height < ZonePlanArea.MinSide || plan.Height > maxHeight)
        {
            checks.Add("plan.height", "access.field.plan_height", ErrorCodes.NumberOutOfRange, ZonePlanArea.MinSide, maxHeight);
        }
    }

    private async Task ApplyAsync(AccessGate gate, GateInput input, CancellationToken ct)
    {
        var checks = new FieldChecks(localizer);
        var code = Code(checks, input.Code);
        var nameEn = checks.Required("nameEn", "access.field.name_en", input.NameEn, 100);
        var nameZh = checks.Required("nameZh", "access.field.name_zh", input.NameZh, 100);
        if (!Enum.IsDefined(input.Directions))
        {
            checks.Add("directions", "access.field.directions", ErrorCodes.RequestInvalid, 1);
        }

        if (!await db.Zones.AnyAsync(z => z.Id == input.ZoneId && z.EventId == gate.EventId, ct))
        {
            checks.Add("zoneId", "access.field.zone", ErrorCodes.ZoneUnknown, input.ZoneId);
        }

        checks.ThrowIfAny();
        if (await db.Gates.AnyAsync(g => g.EventId == gate.EventId && g.Id != gate.Id && g.Code == code, ct))
        {
            throw new SummitException(SummitError.Conflict(AccessErrors.GateCodeDuplicate, code));
        }

        gate.Code = code;
        gate.NameEn = nameEn;
        gate.NameZh = nameZh;
        gate.ZoneId = input.ZoneId;
        gate.Directions = input.Directions;
        gate.IsOpen = input.IsOpen;
    }

    private static string Code(FieldChecks checks, string? value)
    {
        var code = checks.Required("code", "access.field.code", value, 16).ToUpperInvariant();
        if (!checks.HasProblem("code") && !CodePattern().IsMatch(code))
        {
            checks.Add("code", "access.field.code", AccessErrors.AccessCodeInvalid, code);
        }

        return code;
    }

    private async Task SavePolicyChangeAsync(CancellationToken ct)
    {
        await settings.PolicyChangedAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people saving the same code at once: the unique index decided.
            throw new SummitException(SummitError.Conflict(ErrorCodes.ConcurrentChange));
        }
    }

    private static GateView ToView(AccessGate g, int devices) =>
        new(g.Id, g.Number, g.Code, g.NameEn, g.NameZh, g.ZoneId, g.Zone?.Code ?? "", g.Zone?.Number ?? -1, g.Directions, g.IsOpen, devices);

    private static string Describe(IEnumerable<ZoneDays> zones, IReadOnlyDictionary<Guid, Zone> eventZones) =>
        string.Join(", ", zones.Select(z => $"{(eventZones.TryGetValue(z.ZoneId, out var zone) ? zone.Code : "?")} {Days(z.FirstDay, z.LastDay)}".Trim())
            .Order(StringComparer.Ordinal));

    private static string Days(DateOnly? first, DateOnly? last) => (first, last) switch
    {
        (null, null) => "",
        _ when first == last => $"({Day(first)})",
        _ => $"({Day(first)}..{Day(last)})",
    };

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static Dictionary<string, object?> Snapshot(Zone z) => new()
    {
        ["number"] = z.Number,
        ["code"] = z.Code,
        ["nameEn"] = z.NameEn,
        ["nameZh"] = z.NameZh,
        ["venue"] = z.Venue,
        ["capacity"] = z.Capacity,
        ["capacityLimit"] = z.CapacityLimit,
        ["antiPassback"] = z.AntiPassback,
        ["reentryMinutes"] = z.ReentryMinutes,
        ["dailyReset"] = z.DailyReset.ToString("HH:mm", CultureInfo.InvariantCulture),
        ["maxEntriesPerDay"] = z.MaxEntriesPerDay,
        ["plan"] = z.Plan is { } plan ? $"{plan.X},{plan.Y} {plan.Width}x{plan.Height}" : null,
    };

    private static Dictionary<string, object?> Snapshot(AccessGate g) => new()
    {
        ["number"] = g.Number,
        ["code"] = g.Code,
        ["nameEn"] = g.NameEn,
        ["nameZh"] = g.NameZh,
        ["zoneId"] = g.ZoneId,
        ["directions"] = g.Directions,
        ["isOpen"] = g.IsOpen,
    };

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_-]{0,15}$")]
    private static partial Regex CodePattern();
}
