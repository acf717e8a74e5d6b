using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Incidents.Progress;

/// <summary>
/// Moves an incident along its lifecycle, for a person (<see cref="TransitionService"/>) or a module settling its own: the times of
/// each step in the incident and its current period, a reopen's new period and SLA clock, the timeline line and the audit entry.
/// </summary>
public sealed class IncidentMoves(SummitDbContext db, IncidentStore store, IncidentSlaSettingsService slaSettings, IncidentNotifier notifier)
{
    /// <summary>Moves an incident to a status the lifecycle allows from its own, with its timeline line and audit entry (not saved).</summary>
    public async Task MoveAsync(Incident incident, IncidentStatus to, string? note, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var from = incident.Status;
        var period = CurrentPeriod(incident);
        TimelineKind kind;
        switch (to)
        {
            case IncidentStatus.Acknowledged:
                incident.AcknowledgedAt = now;
                period.AcknowledgedAt ??= now;
                kind = TimelineKind.Acknowledged;
                break;
            case IncidentStatus.InProgress:
                incident.AcknowledgedAt ??= now;
                period.AcknowledgedAt ??= now;
                incident.StartedAt = now;
                kind = TimelineKind.Started;
                break;
            case IncidentStatus.Resolved:
                incident.AcknowledgedAt ??= now;
                period.AcknowledgedAt ??= now;
                incident.ResolvedAt = now;
                period.ResolvedAt = now;
                incident.Resolution = note;
                // A new report of the same cause and place now opens a new incident.
                incident.OpenKey = null;
                kind = TimelineKind.Resolved;
                break;
            case IncidentStatus.Closed:
                incident.ClosedAt = now;
                incident.OpenKey = null;
                kind = TimelineKind.Closed;
                break;
            default:
                await ReopenAsync(incident, now, ct);
                kind = TimelineKind.Reopened;
                break;
        }

        incident.Status = to;
        IncidentStore.Touch(incident, now);
        store.AddTimeline(incident, kind, actor.Name, note, now);
        await store.AuditAsync(incident, IncidentAuditActions.StatusChanged, new Dictionary<string, (object?, object?)>
        {
            ["status"] = (from, to),
            ["note"] = (null, note),
        });
        if (to == IncidentStatus.Open)
        {
            notifier.Notify(incident, NotificationKind.Raised, await store.TeamOfAsync(incident, ct), actor.Id);
        }
    }

    /// <summary>The period the incident is in: its last (every incident has its first from when it was raised).</summary>
    private static IncidentPeriod CurrentPeriod(Incident incident) =>
        incident.Periods.MaxBy(p => p.Number) ?? throw new InvalidOperationException($"{incident.DisplayNumber} has no period.");

    private async Task ReopenAsync(Incident incident, DateTimeOffset now, CancellationToken ct)
    {
        var sla = (await slaSettings.TargetsForAsync(incident.EventId, ct)).For(incident.Severity);
        incident.ReopenedAt = now;
        incident.ReopenCount++;
        incident.AcknowledgedAt = null;
        incident.StartedAt = null;
        incident.ResolvedAt = null;
        incident.ClosedAt = null;
        // The clock starts again: a reopened incident is a new breach to watch, escalated once more if it happens.
        incident.AcknowledgeDueAt = now.AddMinutes(sla.AcknowledgeMinutes);
        incident.ResolveDueAt = now.AddMinutes(sla.ResolveMinutes);
        incident.AcknowledgeEscalatedAt = null;
        incident.ResolveEscalatedAt = null;
        // The periods before stay as they were: the first acknowledgement and the earlier resolutions are history, not reset.
        var period = new IncidentPeriod
        {
            IncidentId = incident.Id,
            Number = incident.ReopenCount,
            StartedAt = now,
            AcknowledgeDueAt = incident.AcknowledgeDueAt,
            ResolveDueAt = incident.ResolveDueAt,
        };
        incident.Periods.Add(period);
        db.Add(period);
        if (incident.Cause is { } cause)
        {
            // It takes its cause and place back unless a newer incident of the same kind is open there meanwhile.
            var key = IncidentStore.OpenKeyOf(cause, new IncidentPlace(incident.ZoneId, incident.GateId, incident.PlaceText));
            var taken = await db.Set<Incident>().AnyAsync(i => i.EventId == incident.EventId && i.OpenKey == key && i.Id != incident.Id, ct);
            incident.OpenKey = taken ? null : key;
        }
    }
}
