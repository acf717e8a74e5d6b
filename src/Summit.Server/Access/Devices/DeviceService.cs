using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Domain;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Access.Devices;

/// <summary>Enrols gate devices, each bound to one gate with its own token (stored as a hash), and revokes them.</summary>
public sealed class DeviceService(SummitDbContext db, AccessSettingsService settings, DeviceRegistry registry, AuditLog audit, CurrentActor actor,
    Localizer localizer, TimeProvider clock)
{
    public const string TokenPrefix = "sgd_";

    public async Task<List<DeviceView>> ListAsync(CancellationToken ct = default)
    {
        var (summitEvent, _) = await settings.GetAsync(ct);
        var gates = await db.Gates.AsNoTracking().Where(g => g.EventId == summitEvent.Id).ToDictionaryAsync(g => g.Id, g => g.Code, ct);
        var devices = await db.GateDevices.AsNoTracking().Where(d => d.EventId == summitEvent.Id).ToListAsync(ct);
        return [.. devices.OrderBy(d => d.RevokedAt is null ? 0 : 1).ThenBy(d => gates.GetValueOrDefault(d.GateId)).ThenBy(d => d.Name)
            .Select(d => ToView(d, gates.GetValueOrDefault(d.GateId, "?")))];
    }

    public async Task<DeviceEnrolment> EnrolAsync(DeviceInput input, CancellationToken ct = default)
    {
        var (summitEvent, _) = await settings.GetAsync(ct);
        var checks = new FieldChecks(localizer);
        var name = checks.Required("name", "access.field.device_name", input.Name, 100);
        var gate = await db.Gates.AsNoTracking().FirstOrDefaultAsync(g => g.Id == input.GateId && g.EventId == summitEvent.Id, ct);
        if (gate is null)
        {
            checks.Add("gateId", "access.field.gate", ErrorCodes.GateUnknown, input.GateId);
        }

        checks.ThrowIfAny();
        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var device = new GateDevice
        {
            EventId = summitEvent.Id,
            Name = name,
            GateId = gate!.Id,
            TokenHash = Hash(token),
            TokenPrefix = token[..(TokenPrefix.Length + 6)],
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = (await actor.GetAsync()).Name,
        };
        db.GateDevices.Add(device);
        await audit.RecordAsync(AuditActions.DeviceEnrolled, "device", device.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["name"] = (null, name),
            ["gate"] = (null, gate.Code),
            ["token"] = (null, device.TokenPrefix + "…"),
        });
        await db.SaveChangesAsync(ct);
        return new DeviceEnrolment(ToView(device, gate.Code), token);
    }

    /// <summary>Revokes a device: its token stops working at once on every server process.</summary>
    public async Task<DeviceView> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        var device = await db.GateDevices.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new SummitException(SummitError.NotFound(AccessErrors.DeviceNotFound, id));
        if (device.RevokedAt is null)
        {
            device.RevokedAt = clock.GetUtcNow();
            device.RevokedBy = (await actor.GetAsync()).Name;
            await audit.RecordAsync(AuditActions.DeviceRevoked, "device", device.Id.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["revoked"] = (null, device.RevokedAt),
            });
            await db.SaveChangesAsync(ct);
            await registry.RevokedAsync(device.Id, ct);
        }

        var gateCode = await db.Gates.AsNoTracking().Where(g => g.Id == device.GateId).Select(g => g.Code).FirstAsync(ct);
        return ToView(device, gateCode);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static DeviceView ToView(GateDevice d, string gateCode) => new(d.Id, d.Name, d.GateId, gateCode, d.TokenPrefix, d.CreatedAt, d.CreatedBy,
        d.RevokedAt, d.RevokedBy, d.LastSeenAt, d.LastSeenAddress);
}
