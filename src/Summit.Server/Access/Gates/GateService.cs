using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Domain;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Access.Gates;

/// <summary>
/// The event's gates: the zone each one leads into, its directions, and whether it is open. Every change is audited and raises
/// the policy version, so gates learn about it at their next sync (the server's own decisions at once).
/// </summary>
public sealed class GateService(SummitDbContext db, AccessSettingsService settings, AuditLog audit, Localizer localizer)
{
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
        await settings.SavePolicyChangeAsync(ct);
        return await GetGateAsync(gate.Id, ct);
    }

    public async Task<GateView> UpdateGateAsync(Guid id, GateInput input, CancellationToken ct = default)
    {
        var gate = await db.Gates.FirstOrDefaultAsync(g => g.Id == id, ct) ?? throw new SummitException(SummitError.NotFound(AccessErrors.GateNotFound, id));
        var before = Snapshot(gate);
        await ApplyAsync(gate, input, ct);
        await audit.RecordAsync(AuditActions.GateUpdated, "gate", gate.Id.ToString(), AuditLog.Diff(before, Snapshot(gate)));
        await settings.SavePolicyChangeAsync(ct);
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
            await settings.SavePolicyChangeAsync(ct);
        }

        return await GetGateAsync(id, ct);
    }

    private async Task ApplyAsync(AccessGate gate, GateInput input, CancellationToken ct)
    {
        var checks = new FieldChecks(localizer);
        var code = AccessCode.Check(checks, input.Code);
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

    private static GateView ToView(AccessGate g, int devices) =>
        new(g.Id, g.Number, g.Code, g.NameEn, g.NameZh, g.ZoneId, g.Zone?.Code ?? "", g.Zone?.Number ?? -1, g.Directions, g.IsOpen, devices);

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
}
