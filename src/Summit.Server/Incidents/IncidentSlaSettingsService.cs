using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Incidents;

/// <summary>
/// The SLA targets of the current event: an admin's, else the configured ones. New incidents and reopened ones take the targets
/// in force at that moment; incidents already running keep the due times they were given (a change never breaches them at once).
/// </summary>
public sealed class IncidentSlaSettingsService(SummitDbContext db, IEventCalendar events, IOptions<IncidentOptions> options, AuditLog audit, CurrentActor actor,
    TimeProvider clock)
{
    /// <summary>A week: a longer target is no target an operations centre can watch.</summary>
    public const int MaxMinutes = 7 * 24 * 60;

    public SlaSettingsInput Defaults => new(Of(options.Value.Critical), Of(options.Value.High), Of(options.Value.Medium), Of(options.Value.Low));

    public async Task<SlaSettingsView> GetAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.FindCurrentAsync(ct);
        var stored = summitEvent is null ? null
            : await db.Set<IncidentSlaSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.EventId == summitEvent.Id, ct);
        return new SlaSettingsView(stored is null ? Defaults : Of(stored), Defaults, stored is not null, stored?.UpdatedAt, stored?.UpdatedBy);
    }

    /// <summary>The targets in force for an event's incidents.</summary>
    public async Task<SlaSettingsInput> TargetsForAsync(Guid eventId, CancellationToken ct = default)
    {
        var stored = await db.Set<IncidentSlaSettings>().AsNoTracking().FirstOrDefaultAsync(s => s.EventId == eventId, ct);
        return stored is null ? Defaults : Of(stored);
    }

    public async Task<SlaSettingsView> SetAsync(SlaSettingsInput input, CancellationToken ct = default)
    {
        Validate(input);
        var summitEvent = await events.GetCurrentAsync(ct);
        var before = (await GetAsync(ct)).Targets;
        var settings = await db.Set<IncidentSlaSettings>().FirstOrDefaultAsync(s => s.EventId == summitEvent.Id, ct);
        if (settings is null)
        {
            settings = new IncidentSlaSettings { EventId = summitEvent.Id };
            db.Set<IncidentSlaSettings>().Add(settings);
        }

        (settings.CriticalAcknowledgeMinutes, settings.CriticalResolveMinutes) = (input.Critical.AcknowledgeMinutes, input.Critical.ResolveMinutes);
        (settings.HighAcknowledgeMinutes, settings.HighResolveMinutes) = (input.High.AcknowledgeMinutes, input.High.ResolveMinutes);
        (settings.MediumAcknowledgeMinutes, settings.MediumResolveMinutes) = (input.Medium.AcknowledgeMinutes, input.Medium.ResolveMinutes);
        (settings.LowAcknowledgeMinutes, settings.LowResolveMinutes) = (input.Low.AcknowledgeMinutes, input.Low.ResolveMinutes);
        settings.UpdatedAt = clock.GetUtcNow();
        settings.UpdatedBy = (await actor.GetAsync()).Name;

        var changes = new Dictionary<string, (object?, object?)>();
        foreach (var severity in Enum.GetValues<IncidentSeverity>())
        {
            var (old, now) = (before.For(severity), input.For(severity));
            if (old.AcknowledgeMinutes != now.AcknowledgeMinutes)
            {
                changes[$"{severity}.acknowledgeMinutes"] = (old.AcknowledgeMinutes, now.AcknowledgeMinutes);
            }

            if (old.ResolveMinutes != now.ResolveMinutes)
            {
                changes[$"{severity}.resolveMinutes"] = (old.ResolveMinutes, now.ResolveMinutes);
            }
        }

        await audit.RecordAsync(IncidentAuditActions.SlaChanged, "incident_sla", summitEvent.Id.ToString(), changes);
        await db.SaveChangesAsync(ct);
        return await GetAsync(ct);
    }

    /// <summary>
    /// Each target from 1 minute to a week, resolving no sooner than acknowledging, and a more severe incident never given
    /// longer than a less severe one: otherwise the operations centre would be told to answer a fire after a lost badge.
    /// </summary>
    private static void Validate(SlaSettingsInput input)
    {
        // A missing severity never gets here: the API refuses a request without a required member (request.invalid).
        SlaMinutes? previous = null;
        IncidentSeverity? previousSeverity = null;
        foreach (var severity in new[] { IncidentSeverity.Critical, IncidentSeverity.High, IncidentSeverity.Medium, IncidentSeverity.Low })
        {
            var target = input.For(severity);
            if (target.AcknowledgeMinutes is < 1 or > MaxMinutes || target.ResolveMinutes is < 1 or > MaxMinutes)
            {
                throw new SummitException(SummitError.Of(IncidentErrors.SlaOutOfRange, severity, MaxMinutes));
            }

            if (target.ResolveMinutes < target.AcknowledgeMinutes)
            {
                throw new SummitException(SummitError.Of(IncidentErrors.SlaResolveBeforeAcknowledge, severity));
            }

            if (previous is not null && (target.AcknowledgeMinutes < previous.AcknowledgeMinutes || target.ResolveMinutes < previous.ResolveMinutes))
            {
                throw new SummitException(SummitError.Of(IncidentErrors.SlaOrder, previousSeverity!.Value, severity));
            }

            (previous, previousSeverity) = (target, severity);
        }
    }

    private static SlaMinutes Of(SlaTarget target) => new(target.AcknowledgeMinutes, target.ResolveMinutes);

    private static SlaSettingsInput Of(IncidentSlaSettings s) => new(
        new(s.CriticalAcknowledgeMinutes, s.CriticalResolveMinutes), new(s.HighAcknowledgeMinutes, s.HighResolveMinutes),
        new(s.MediumAcknowledgeMinutes, s.MediumResolveMinutes), new(s.LowAcknowledgeMinutes, s.LowResolveMinutes));
}
