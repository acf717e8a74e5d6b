using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Incidents.Raising;

/// <summary>
/// Opens a new incident, raised by staff or reported by a module: its SLA clock and first period, its number under the event's
/// sequence, its first timeline line, its audit entry, and the notice to its team.
/// </summary>
public sealed class IncidentOpening(SummitDbContext db, IncidentStore store, IncidentSlaSettingsService slaSettings, IncidentNotifier notifier,
    TimeProvider clock)
{
    /// <summary>A new open incident with the event's SLA targets for its severity and its first period (not stored).</summary>
    public async Task<Incident> NewAsync(Guid eventId, IncidentType type, IncidentSeverity severity, string title, string description,
        IncidentPlace place, string? reporterId, string reporterName, CancellationToken ct)
    {
        var targets = await slaSettings.TargetsForAsync(eventId, ct);
        var now = clock.GetUtcNow();
        var sla = targets.For(severity);
        var incident = new Incident
        {
            EventId = eventId,
            Type = type,
            Severity = severity,
            Status = IncidentStatus.Open,
            Title = title,
            TitleZh = null,
            Description = IncidentStore.Clip(description, IncidentLimits.Description),
            ZoneId = place.ZoneId,
            GateId = place.GateId,
            PlaceText = place.Text is { } text ? IncidentStore.Clip(text.Trim(), IncidentLimits.PlaceText) : null,
            ReporterId = reporterId,
            ReporterName = reporterName,
            AssignedTeam = IncidentTeams.DefaultFor(type),
            CreatedAt = now,
            UpdatedAt = now,
            AcknowledgeDueAt = now.AddMinutes(sla.AcknowledgeMinutes),
            ResolveDueAt = now.AddMinutes(sla.ResolveMinutes),
        };
        incident.Periods.Add(new IncidentPeriod
        {
            IncidentId = incident.Id,
            StartedAt = now,
            AcknowledgeDueAt = incident.AcknowledgeDueAt,
            ResolveDueAt = incident.ResolveDueAt,
        });
        return incident;
    }

    /// <summary>Numbers, stores and announces a new incident, inside the caller's transaction or one of its own.</summary>
    public async Task SaveNewAsync(Incident incident, string? cause, IncidentEvidenceLink? evidence, CancellationToken ct)
    {
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            incident.Number = await NextNumberAsync(incident.EventId, ct);
            db.Add(incident);
            store.AddTimeline(incident, TimelineKind.Raised, incident.ReporterName, null, incident.CreatedAt);
            if (evidence is not null)
            {
                evidence.IncidentId = incident.Id;
                db.Add(evidence);
                incident.Evidence.Add(evidence);
            }

            await store.AuditAsync(incident, IncidentAuditActions.Created, new Dictionary<string, (object?, object?)>
            {
                ["number"] = (null, incident.DisplayNumber),
                ["type"] = (null, incident.Type),
                ["severity"] = (null, incident.Severity),
                ["team"] = (null, incident.AssignedTeam),
                ["cause"] = (null, cause),
            });
            notifier.Notify(incident, NotificationKind.Raised, await store.TeamOfAsync(incident, ct), incident.ReporterId);
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }

        notifier.Publish(incident);
    }

    /// <summary>The next number of the event, under the sequence row's lock (held until the transaction ends).</summary>
    private async Task<int> NextNumberAsync(Guid eventId, CancellationToken ct)
    {
        var sequences = db.Set<IncidentSequence>();
        var updated = await sequences.Where(s => s.EventId == eventId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastNumber, x => x.LastNumber + 1), ct);
        if (updated == 0)
        {
            // The event's first incident: the row is created with it (two first incidents at once: one fails and is retried by its caller).
            sequences.Add(new IncidentSequence { EventId = eventId, LastNumber = 1 });
            return 1;
        }

        return await sequences.AsNoTracking().Where(s => s.EventId == eventId).Select(s => s.LastNumber).SingleAsync(ct);
    }
}
