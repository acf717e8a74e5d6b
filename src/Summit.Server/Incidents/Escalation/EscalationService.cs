using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Incidents.Escalation;

/// <summary>SLA breaches escalated to the supervisors, each once; run every few seconds by <see cref="IncidentSlaMonitor"/>.</summary>
public sealed class EscalationService(SummitDbContext db, IncidentStore store, IncidentNotifier notifier, IOptions<IncidentOptions> options, TimeProvider clock)
{
    /// <summary>
    /// Escalates every SLA breach not escalated yet, once each: a timeline line, the flag, and a bell entry and mail for
    /// the supervisors. Returns how many breaches were escalated.
    /// </summary>
    public async Task<int> EscalateBreachesAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<Incident>()
            .Where(i => i.Status != IncidentStatus.Resolved && i.Status != IncidentStatus.Closed)
            .Where(i => (i.Status == IncidentStatus.Open && i.AcknowledgeEscalatedAt == null && i.AcknowledgeDueAt <= now)
                || (i.ResolveEscalatedAt == null && i.ResolveDueAt <= now))
            .OrderBy(i => i.Number).Take(100).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var supervisors = await notifier.UsersInRolesAsync([options.Value.SupervisorRole], ct);
        var escalated = 0;
        foreach (var incident in due)
        {
            var breaches = new List<TimelineKind>();
            if (incident.Status == IncidentStatus.Open && incident.AcknowledgeEscalatedAt is null && incident.AcknowledgeDueAt <= now)
            {
                incident.AcknowledgeEscalatedAt = now;
                breaches.Add(TimelineKind.AcknowledgeBreached);
            }

            if (incident.ResolveEscalatedAt is null && incident.ResolveDueAt <= now)
            {
                incident.ResolveEscalatedAt = now;
                breaches.Add(TimelineKind.ResolveBreached);
            }

            IncidentStore.Touch(incident, now);
            foreach (var breach in breaches)
            {
                store.AddTimeline(incident, breach, "system:sla", options.Value.SupervisorRole, now);
            }

            await store.AuditAsync(incident, IncidentAuditActions.Escalated, new Dictionary<string, (object?, object?)>
            {
                ["breach"] = (null, string.Join(",", breaches)),
                ["supervisor"] = (null, options.Value.SupervisorRole),
            });
            notifier.Notify(incident, NotificationKind.Escalated, supervisors, null);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone acted on it (or another server escalated it) meanwhile: the next round looks again.
                db.ChangeTracker.Clear();
                break;
            }

            notifier.Publish(incident);
            escalated += breaches.Count;
        }

        return escalated;
    }
}
