using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Access.Contracts;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Faces.Settings;

/// <summary>
/// The event's threshold and template retention (an admin's, over Summit:Faces: ADR 0013), and the gates with faces switched off.
/// Every change is audited with the old and new value.
/// </summary>
public sealed class FaceSettingsService(SummitDbContext db, IEventCalendar events, IZoneDirectory zones, IOptionsMonitor<FacesOptions> options, AuditLog audit,
    CurrentActor actor, TimeProvider clock)
{
    public async Task<FaceSettingsView> GetAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.FindCurrentAsync(ct);
        var stored = summitEvent is null ? null : await StoredAsync(db, summitEvent.Id, ct);
        var o = options.CurrentValue;
        return new FaceSettingsView(stored?.Threshold ?? o.Threshold, stored?.RetentionDays ?? o.RetentionDays, o.Threshold, o.RetentionDays, stored is not null,
            stored?.UpdatedAt, stored?.UpdatedBy, stored?.Margin ?? o.Margin, o.Margin);
    }

    public async Task<FaceSettingsView> SetAsync(FaceSettingsInput input, CancellationToken ct = default)
    {
        // Two decimals, as the thresholds page will show distances.
        var threshold = Math.Round(input.Threshold, 2, MidpointRounding.AwayFromZero);
        if (!double.IsFinite(input.Threshold) || threshold < FaceSettingsLimits.MinThreshold || threshold > FaceSettingsLimits.MaxThreshold)
        {
            throw new SummitException(SummitError.Of(FacesErrors.ThresholdOutOfRange, input.Threshold, FaceSettingsLimits.MinThreshold, FaceSettingsLimits.MaxThreshold));
        }

        var margin = input.Margin is { } asked ? Math.Round(asked, 2, MidpointRounding.AwayFromZero) : (double?)null;
        if (input.Margin is { } given && (!double.IsFinite(given) || margin < FaceSettingsLimits.MinMargin || margin > FaceSettingsLimits.MaxMargin))
        {
            throw new SummitException(SummitError.Of(FacesErrors.MarginOutOfRange, given, FaceSettingsLimits.MinMargin, FaceSettingsLimits.MaxMargin));
        }

        if (input.RetentionDays is < 0 or > FaceSettingsLimits.MaxRetentionDays)
        {
            throw new SummitException(SummitError.Of(FacesErrors.RetentionOutOfRange, input.RetentionDays, FaceSettingsLimits.MaxRetentionDays));
        }

        var summitEvent = await events.GetCurrentAsync(ct);
        var before = await GetAsync(ct);
        var settings = await db.Set<FaceEventSettings>().FirstOrDefaultAsync(s => s.EventId == summitEvent.Id, ct);
        if (settings is null)
        {
            settings = new FaceEventSettings { EventId = summitEvent.Id };
            db.Set<FaceEventSettings>().Add(settings);
        }

        settings.Threshold = threshold;
        settings.RetentionDays = input.RetentionDays;
        settings.Margin = margin ?? settings.Margin;
        settings.UpdatedAt = clock.GetUtcNow();
        settings.UpdatedBy = (await actor.GetAsync()).Name;
        await audit.RecordAsync(FacesAudit.SettingsChanged, "face_settings", summitEvent.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["threshold"] = (before.Threshold, threshold),
            ["retentionDays"] = (before.RetentionDays, input.RetentionDays),
            ["margin"] = (before.Margin, margin ?? before.Margin),
        });
        await db.SaveChangesAsync(ct);
        return await GetAsync(ct);
    }

    public async Task<List<GateFaceView>> GatesAsync(CancellationToken ct = default)
    {
        var off = await db.Set<FaceGateSwitch>().AsNoTracking().Select(s => s.GateId).ToListAsync(ct);
        var lanes = await db.Set<FaceLane>().AsNoTracking().Select(s => s.GateId).ToListAsync(ct);
        var live = await db.Set<FaceLivenessGate>().AsNoTracking().Select(s => s.GateId).ToListAsync(ct);
        return [.. (await zones.ListGatesAsync(ct)).OrderBy(g => g.Code, StringComparer.Ordinal)
            .Select(g => View(g, !off.Contains(g.Id), lanes.Contains(g.Id), live.Contains(g.Id)))];
    }

    /// <summary>
    /// Switches a gate's face check off or on again (off, the gate admits on the code and the operator's look at the photo), and marks
    /// or unmarks it as a face lane (a gate with an entry lane only), and requires liveness there or not (entries only). Each change is
    /// audited.
    /// </summary>
    public async Task<GateFaceView> SwitchGateAsync(Guid gateId, GateFaceInput input, CancellationToken ct = default)
    {
        var gate = (await zones.ListGatesAsync(ct)).FirstOrDefault(g => g.Id == gateId)
            ?? throw new SummitException(SummitError.NotFound(FacesErrors.GateUnknown, gateId));
        var lane = await db.Set<FaceLane>().FirstOrDefaultAsync(s => s.GateId == gateId, ct);
        if (input.FaceLane is { } marked && marked != (lane is not null))
        {
            await MarkLaneAsync(gate, lane, marked, ct);
        }

        var live = await db.Set<FaceLivenessGate>().FirstOrDefaultAsync(s => s.GateId == gateId, ct);
        if (input.Liveness is { } required && required != (live is not null))
        {
            await RequireLivenessAsync(gate, live, required, ct);
        }

        var liveness = input.Liveness ?? live is not null;
        var row = await db.Set<FaceGateSwitch>().FirstOrDefaultAsync(s => s.GateId == gateId, ct);
        if (input.FacesOn == (row is null))
        {
            await db.SaveChangesAsync(ct);
            return View(gate, input.FacesOn, input.FaceLane ?? lane is not null, liveness);
        }

        if (input.FacesOn)
        {
            db.Set<FaceGateSwitch>().Remove(row!);
        }
        else
        {
            db.Set<FaceGateSwitch>().Add(new FaceGateSwitch
            {
                GateId = gateId,
                EventId = (await events.GetCurrentAsync(ct)).Id,
                UpdatedAt = clock.GetUtcNow(),
                UpdatedBy = (await actor.GetAsync()).Name,
            });
        }

        await audit.RecordAsync(FacesAudit.GateSwitched, "gate", gateId.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["facesOn"] = (!input.FacesOn, input.FacesOn),
        });
        await db.SaveChangesAsync(ct);
        return View(gate, input.FacesOn, input.FaceLane ?? lane is not null, liveness);
    }

    private Task MarkLaneAsync(GateView gate, FaceLane? lane, bool marked, CancellationToken ct) =>
        SetEntryMarkAsync(gate, lane, marked, FacesErrors.LaneNeedsEntry, FacesAudit.LaneMarked, "faceLane",
            (eventId, at, by) => new FaceLane { GateId = gate.Id, EventId = eventId, UpdatedAt = at, UpdatedBy = by }, ct);

    private Task RequireLivenessAsync(GateView gate, FaceLivenessGate? live, bool required, CancellationToken ct) =>
        SetEntryMarkAsync(gate, live, required, FacesErrors.LivenessNeedsEntry, FacesAudit.LivenessSwitched, "liveness",
            (eventId, at, by) => new FaceLivenessGate { GateId = gate.Id, EventId = eventId, UpdatedAt = at, UpdatedBy = by }, ct);

    /// <summary>
    /// Adds or removes a gate's mark (a face lane, a live face required): only an entry can carry one (<paramref name="needsEntry"/>
    /// otherwise); the change is audited as <paramref name="auditAction"/> with <paramref name="field"/> before and after.
    /// </summary>
    private async Task SetEntryMarkAsync<TMark>(GateView gate, TMark? existing, bool on, string needsEntry, string auditAction, string field,
        Func<Guid, DateTimeOffset, string, TMark> create, CancellationToken ct)
        where TMark : class
    {
        if (on)
        {
            if (!gate.Directions.HasFlag(Summit.Access.Core.Sync.GateDirections.Entry))
            {
                throw new SummitException(SummitError.Conflict(needsEntry, gate.Code));
            }

            db.Set<TMark>().Add(create((await events.GetCurrentAsync(ct)).Id, clock.GetUtcNow(), (await actor.GetAsync()).Name));
        }
        else
        {
            db.Set<TMark>().Remove(existing!);
        }

        await audit.RecordAsync(auditAction, "gate", gate.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            [field] = (!on, on),
        });
    }

    private static GateFaceView View(GateView gate, bool facesOn, bool faceLane, bool liveness) =>
        new(gate.Id, gate.Code, gate.Name(Localizer.LanguageOf(System.Globalization.CultureInfo.CurrentUICulture)), facesOn, faceLane,
            gate.Directions.HasFlag(Summit.Access.Core.Sync.GateDirections.Entry), liveness);

    internal static Task<FaceEventSettings?> StoredAsync(SummitDbContext db, Guid eventId, CancellationToken ct) =>
        db.Set<FaceEventSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId, ct);
}
