using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Summit.Access.Core;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Domain;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Access.Zones;

/// <summary>
/// The event's zones: their numbers, codes, names, capacity, anti-passback and place on the site plan. Every change is audited
/// and raises the policy version, so gates learn about it at their next sync (the server's own decisions at once).
/// </summary>
public sealed class ZoneService(SummitDbContext db, AccessSettingsService settings, AuditLog audit, Localizer localizer)
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
        await settings.SavePolicyChangeAsync(ct);
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
        await settings.SavePolicyChangeAsync(ct);
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
        await settings.SavePolicyChangeAsync(ct);
    }

    private async Task ApplyAsync(Zone zone, ZoneInput input, CancellationToken ct)
    {
        var checks = new FieldChecks(localizer);
        var code = AccessCode.Check(checks, input.Code);
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
}
