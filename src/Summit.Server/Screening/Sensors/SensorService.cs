using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Access.Contracts;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Security;

namespace Summit.Server.Screening.Sensors;

/// <summary>Enrols body-temperature sensors on gates, each with its own secret (kept encrypted), and revokes them.</summary>
public sealed partial class SensorService(SummitDbContext db, IEventCalendar events, IZoneDirectory zones, SensorDirectory directory,
    IGateHoldChanges gateHolds, FieldProtector protector, AuditLog audit, CurrentActor actor, Localizer localizer, IOptions<MqttOptions> mqtt, TimeProvider clock)
{
    public const string SecretPrefix = "sss_";

    public async Task<List<SensorView>> ListAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var gates = (await zones.ListGatesAsync(ct)).ToDictionary(g => g.Id, g => g.Code);
        var refused = await db.Set<SensorRefusalCount>().AsNoTracking().Where(r => r.SensorId != null)
            .GroupBy(r => r.SensorId!.Value).Select(g => new { g.Key, Count = g.Sum(r => r.Count) }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var sensors = await db.Set<Sensor>().AsNoTracking().Where(s => s.EventId == summitEvent.Id).ToListAsync(ct);
        return [.. sensors.OrderBy(s => s.RevokedAt is null ? 0 : 1).ThenBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => ToView(s, gates.GetValueOrDefault(s.GateId, "?"), refused.GetValueOrDefault(s.Id)))];
    }

    /// <summary>Every refusal count: per enrolled sensor, and the shared "unknown" line for messages naming no enrolled sensor.</summary>
    public async Task<List<RefusalView>> RefusalsAsync(Guid? sensorId = null, CancellationToken ct = default)
    {
        var query = db.Set<SensorRefusalCount>().AsNoTracking();
        if (sensorId is { } id)
        {
            query = query.Where(r => r.SensorId == id);
        }

        // Counted per minute: one line per sender and reason, with the latest minute's last detail.
        var rows = await query.ToListAsync(ct);
        return [.. rows.GroupBy(r => (r.SensorKey, r.SensorId, r.Reason))
            .Select(g => (Count: g.Sum(r => r.Count), Last: g.MaxBy(r => r.LastAt)!))
            .OrderByDescending(r => r.Last.LastAt)
            .Select(r => new RefusalView(r.Last.SensorKey, r.Last.SensorId, r.Last.Reason, r.Count, r.Last.LastAt, r.Last.LastDetail))];
    }

    public async Task<SensorEnrolment> EnrolAsync(SensorInput input, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var checks = new FieldChecks(localizer);
        var code = (input.Code ?? "").Trim();
        if (code.Length == 0)
        {
            checks.Add("code", "screening.field.code", ErrorCodes.FieldRequired);
        }
        else if (!SensorCode().IsMatch(code))
        {
            checks.Add("code", "screening.field.code", ScreeningErrors.SensorCodeInvalid);
        }
        else if (IsReserved(code))
        {
            checks.Add("code", "screening.field.code", ScreeningErrors.SensorCodeReserved, code);
        }
        else if (await db.Set<Sensor>().AnyAsync(s => s.Code == code, ct))
        {
            checks.Add("code", "screening.field.code", ScreeningErrors.SensorCodeDuplicate, code);
        }

        var name = checks.Required("name", "screening.field.name", input.Name, 100);
        var gate = (await zones.ListGatesAsync(ct)).FirstOrDefault(g => g.Id == input.GateId);
        if (gate is null)
        {
            checks.Add("gateId", "screening.field.gate", ScreeningErrors.GateUnknown, input.GateId);
        }

        checks.ThrowIfAny();
        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var sensor = new Sensor
        {
            EventId = summitEvent.Id,
            Code = code,
            Name = name,
            GateId = gate!.Id,
            SecretProtected = protector.ProtectString(secret),
            SecretPrefix = secret[..(SecretPrefix.Length + 6)],
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = (await actor.GetAsync()).Name,
        };
        db.Set<Sensor>().Add(sensor);
        await audit.RecordAsync(ScreeningAudit.SensorEnrolled, "sensor", sensor.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["code"] = (null, code),
            ["name"] = (null, name),
            ["gate"] = (null, gate.Code),
            ["secret"] = (null, sensor.SecretPrefix + "…"),
        });
        await db.SaveChangesAsync(ct);
        await directory.ChangedAsync(ct);
        gateHolds.Changed();
        return new SensorEnrolment(ToView(sensor, gate.Code, 0), secret);
    }

    /// <summary>Revokes a sensor: its readings are refused (and counted) from now on, and it can no longer log in to the broker.</summary>
    public async Task<SensorView> RevokeAsync(Guid id, CancellationToken ct = default)
    {
        var sensor = await db.Set<Sensor>().FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new SummitException(SummitError.NotFound(ScreeningErrors.SensorNotFound, id));
        if (sensor.RevokedAt is null)
        {
            sensor.RevokedAt = clock.GetUtcNow();
            sensor.RevokedBy = (await actor.GetAsync()).Name;
            await audit.RecordAsync(ScreeningAudit.SensorRevoked, "sensor", sensor.Id.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["revoked"] = (null, sensor.RevokedAt),
            });
            await db.SaveChangesAsync(ct);
            await directory.ChangedAsync(ct);
            gateHolds.Changed();
        }

        var gate = (await zones.ListGatesAsync(ct)).FirstOrDefault(g => g.Id == sensor.GateId);
        return ToView(sensor, gate?.Code ?? "?", 0);
    }

    /// <summary>
    /// Starts a sensor's sequence over: its next reading is accepted whatever its sequence number (after a repair that reset its counter,
    /// or a reading that jumped ahead). Audited with the sequence it had. A sensor whose secret may be known to others is revoked instead.
    /// </summary>
    public async Task<SensorView> ResetSequenceAsync(Guid id, CancellationToken ct = default)
    {
        var sensor = await db.Set<Sensor>().FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new SummitException(SummitError.NotFound(ScreeningErrors.SensorNotFound, id));
        var old = sensor.LastSequence;
        sensor.LastSequence = -1;
        await audit.RecordAsync(ScreeningAudit.SequenceReset, "sensor", sensor.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["lastSequence"] = (old, sensor.LastSequence),
        });
        await db.SaveChangesAsync(ct);
        var gate = (await zones.ListGatesAsync(ct)).FirstOrDefault(g => g.Id == sensor.GateId);
        return ToView(sensor, gate?.Code ?? "?", 0);
    }

    // With an external broker a sensor's id is its login there: none may take Summit's own, this process's or another's (docs/screening/mqtt.md).
    private bool IsReserved(string code) =>
        code.StartsWith(MqttOptions.IngestLoginPrefix, StringComparison.OrdinalIgnoreCase)
        || string.Equals(code, mqtt.Value.ClientId, StringComparison.OrdinalIgnoreCase) || string.Equals(code, mqtt.Value.Username, StringComparison.OrdinalIgnoreCase);

    private static SensorView ToView(Sensor s, string gateCode, long refused) => new(s.Id, s.Code, s.Name, s.GateId, gateCode, s.SecretPrefix, s.CreatedAt,
        s.CreatedBy, s.RevokedAt, s.RevokedBy, s.LastCelsius, s.LastReadingAt, s.LastSeenAt, s.ReadingCount, s.SilentSince, refused, s.LastSequence);

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    internal static partial Regex SensorCode();
}
