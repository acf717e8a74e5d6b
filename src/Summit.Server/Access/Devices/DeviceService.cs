using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Domain;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Access.Devices;

public sealed record DeviceInput(string Name, Guid GateId);

public sealed record DeviceView(Guid Id, string Name, Guid GateId, string GateCode, string TokenPrefix, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? RevokedAt, string? RevokedBy, DateTimeOffset? LastSeenAt, string? LastSeenAddress)
{
    public bool IsActive => RevokedAt is null;
}

/// <summary>An enrolment: the device and its token, which is shown this once and never again.</summary>
public sealed record DeviceEnrolment(DeviceView Device, string Token);

/// <summary>The device behind a token, as the authentication handler sees it.</summary>
public sealed record DeviceIdentity(Guid Id, Guid EventId, Guid GateId, string Name);

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

    /// <summary>Revokes a device: its token stops working at once on this server.</summary>
    public async Task<DeviceView> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        var device = await db.GateDevices.FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new SummitException(SummitError.NotFound(ErrorCodes.DeviceNotFound, id));
        if (device.RevokedAt is null)
        {
            device.RevokedAt = clock.GetUtcNow();
            device.RevokedBy = (await actor.GetAsync()).Name;
            await audit.RecordAsync(AuditActions.DeviceRevoked, "device", device.Id.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["revoked"] = (null, device.RevokedAt),
            });
            await db.SaveChangesAsync(ct);
            registry.Forget(device.TokenHash);
        }

        var gateCode = await db.Gates.AsNoTracking().Where(g => g.Id == device.GateId).Select(g => g.Code).FirstAsync(ct);
        return ToView(device, gateCode);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static DeviceView ToView(GateDevice d, string gateCode) => new(d.Id, d.Name, d.GateId, gateCode, d.TokenPrefix, d.CreatedAt, d.CreatedBy,
        d.RevokedAt, d.RevokedBy, d.LastSeenAt, d.LastSeenAddress);
}

/// <summary>
/// Token to device, cached for a few seconds so that a scan does not cost a database read to authenticate. A revocation on
/// this server takes effect at once; one made by another server process within <see cref="Lifetime"/>.
/// </summary>
public sealed class DeviceRegistry(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan SeenInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (DeviceIdentity Device, DateTimeOffset ReadAt)> _byHash = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _lastSeenWritten = new();

    public async Task<DeviceIdentity?> FindAsync(string token, CancellationToken ct)
    {
        if (!token.StartsWith(DeviceService.TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = DeviceService.Hash(token);
        var now = clock.GetUtcNow();
        if (_byHash.TryGetValue(hash, out var cached) && now - cached.ReadAt < Lifetime)
        {
            return cached.Device;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        var device = await db.GateDevices.AsNoTracking().Where(d => d.TokenHash == hash && d.RevokedAt == null)
            .Select(d => new DeviceIdentity(d.Id, d.EventId, d.GateId, d.Name)).FirstOrDefaultAsync(ct);
        if (device is null)
        {
            _byHash.TryRemove(hash, out _);
            return null;
        }

        _byHash[hash] = (device, now);
        return device;
    }

    public void Forget(string tokenHash) => _byHash.TryRemove(tokenHash, out _);

    /// <summary>Records when and from where a device was last heard from, at most every 30 seconds per device.</summary>
    public async Task SeenAsync(DeviceIdentity device, string? address, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_lastSeenWritten.TryGetValue(device.Id, out var written) && now - written < SeenInterval)
        {
            return;
        }

        _lastSeenWritten[device.Id] = now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        await db.GateDevices.Where(d => d.Id == device.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.LastSeenAt, now).SetProperty(d => d.LastSeenAddress, address), ct);
    }
}
