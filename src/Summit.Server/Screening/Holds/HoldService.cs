using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Access.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Screening.Contracts;

namespace Summit.Server.Screening.Holds;

/// <summary>The security officers' side of a hold: see the held lanes, record the re-measurement, clear or confirm.</summary>
/// <remarks>A decision also moves the hold's incident on (cleared: resolved; confirmed: in progress, each with the officer's note) and
/// tells the gate agents at once through Access's <see cref="IGateHoldChanges"/>.</remarks>
public sealed class HoldService(SummitDbContext db, IZoneDirectory zones, AuditLog audit, CurrentActor actor, ScreeningLiveFeed feed,
    IOptionsMonitor<ScreeningOptions> options, ScreeningThreshold threshold, IGateHoldChanges gateHolds, Localizer localizer, IServiceProvider services,
    TimeProvider clock) : IScreeningHolds
{
    /// <summary>Open holds first (oldest first: the longest-waiting lane), then the latest decided ones.</summary>
    public async Task<List<HoldView>> ListAsync(int decided = 20, CancellationToken ct = default)
    {
        var open = await db.Set<ScreeningHold>().AsNoTracking().Where(h => h.Status == HoldStatus.Open).ToListAsync(ct);
        var recent = await db.Set<ScreeningHold>().AsNoTracking().Where(h => h.Status != HoldStatus.Open)
            .OrderByDescending(h => h.DecidedAt).Take(Math.Clamp(decided, 0, 200)).ToListAsync(ct);
        return await ViewsAsync([.. open.OrderBy(h => h.RaisedAt), .. recent], ct);
    }

    public async Task<HoldView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var hold = await db.Set<ScreeningHold>().AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct)
            ?? throw new SummitException(SummitError.NotFound(ScreeningErrors.HoldNotFound, id));
        return (await ViewsAsync([hold], ct))[0];
    }

    /// <summary>The re-measurement is normal: the person goes through and the lane reopens.</summary>
    public Task<HoldView> ClearAsync(Guid id, HoldDecisionInput input, CancellationToken ct = default) =>
        DecideAsync(id, input, HoldStatus.Cleared, ct);

    /// <summary>The re-measurement confirms the fever: the person is sent to medical care and the lane reopens.</summary>
    public Task<HoldView> ConfirmFeverAsync(Guid id, HoldDecisionInput input, CancellationToken ct = default) =>
        DecideAsync(id, input, HoldStatus.FeverConfirmed, ct);

    private async Task<HoldView> DecideAsync(Guid id, HoldDecisionInput input, HoldStatus decision, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        if (!double.IsFinite(input.Celsius) || input.Celsius < settings.MinCelsius || input.Celsius > settings.MaxCelsius)
        {
            throw new SummitException(SummitError.Of(ScreeningErrors.RemeasureOutOfRange, input.Celsius, settings.MinCelsius, settings.MaxCelsius));
        }

        var fever = await threshold.GetAsync(ct);
        if (decision == HoldStatus.Cleared && input.Celsius > fever)
        {
            throw new SummitException(SummitError.Of(ScreeningErrors.RemeasureAboveThreshold, input.Celsius, fever));
        }

        var note = input.Note?.Trim() is { Length: > 0 } text ? text[..Math.Min(text.Length, 500)] : null;
        var hold = await db.Set<ScreeningHold>().FirstOrDefaultAsync(h => h.Id == id, ct)
            ?? throw new SummitException(SummitError.NotFound(ScreeningErrors.HoldNotFound, id));
        var who = (await actor.GetAsync()).Name;
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Two officers at one lane: only the first decision counts; the second is told the hold is no longer open.
        var changed = await db.Set<ScreeningHold>().Where(h => h.Id == id && h.Status == HoldStatus.Open).ExecuteUpdateAsync(u => u
            .SetProperty(h => h.Status, decision)
            .SetProperty(h => h.RemeasuredCelsius, input.Celsius)
            .SetProperty(h => h.DecidedAt, now)
            .SetProperty(h => h.DecidedBy, who)
            .SetProperty(h => h.Note, note), ct);
        if (changed == 0)
        {
            throw new SummitException(SummitError.Conflict(ScreeningErrors.HoldNotOpen));
        }

        var gate = (await zones.ListGatesAsync(ct)).FirstOrDefault(g => g.Id == hold.GateId);
        await audit.RecordAsync(decision == HoldStatus.Cleared ? ScreeningAudit.HoldCleared : ScreeningAudit.FeverConfirmed, "screening_hold",
            hold.Id.ToString(), new Dictionary<string, (object?, object?)>
            {
                ["gate"] = (null, gate?.Code ?? "?"),
                ["status"] = (HoldStatus.Open, decision),
                ["remeasured"] = (null, input.Celsius),
                ["reading"] = (null, hold.Celsius),
                ["note"] = (null, note),
            });
        await db.SaveChangesAsync(ct);
        if (hold.IncidentId is { } incidentId && services.GetService<IIncidentReporter>() is { } incidents)
        {
            // With the decision or not at all: a cleared hold must not leave its incident open to breach its SLA.
            await incidents.SettleAsync(incidentId, decision == HoldStatus.Cleared ? IncidentSettlement.Resolved : IncidentSettlement.InProgress,
                SettlementNote(decision, gate?.Code ?? "?", input.Celsius, note), ct);
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        gateHolds.Changed();
        feed.Publish(new ScreeningChange(0, 0, 0, HoldDecided: true));
        return await GetAsync(id, ct);
    }

    /// <summary>What the incident's timeline says: the decision and the re-measurement in both languages, then the officer's own words.</summary>
    private string SettlementNote(HoldStatus decision, string gateCode, double celsius, string? note)
    {
        var key = decision == HoldStatus.Cleared ? "screening.incident.cleared_note" : "screening.incident.confirmed_note";
        var degrees = celsius.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        var text = $"{localizer.Format(Localizer.English, key, gateCode, degrees)} / {localizer.Format(Localizer.Chinese, key, gateCode, degrees)}";
        return note is null ? text : $"{note} ({text})";
    }

    private async Task<List<HoldView>> ViewsAsync(List<ScreeningHold> holds, CancellationToken ct)
    {
        if (holds.Count == 0)
        {
            return [];
        }

        var gates = (await zones.ListGatesAsync(ct)).ToDictionary(g => g.Id);
        var sensorIds = holds.Select(h => h.SensorId).Distinct().ToList();
        var sensors = await db.Set<Sensor>().AsNoTracking().Where(s => sensorIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Code, ct);
        return [.. holds.Select(h =>
        {
            var gate = gates.GetValueOrDefault(h.GateId);
            return new HoldView(h.Id, h.GateId, gate?.Code ?? "?", gate?.NameEn ?? "", gate?.NameZh ?? "", h.SensorId, sensors.GetValueOrDefault(h.SensorId, "?"),
                h.Celsius, h.Threshold, h.RaisedAt, h.IncidentId, h.Status, h.RemeasuredCelsius, h.DecidedAt, h.DecidedBy, h.Note);
        })];
    }
}
