using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Incidents.Raising;

/// <summary>
/// A problem a module found (through <see cref="IIncidentReporter"/>): opens an incident, or adds the evidence to the unresolved one of
/// the same cause and place without telling anyone again.
/// </summary>
public sealed class AutomaticReportService(SummitDbContext db, IncidentStore store, IncidentOpening opening, IncidentNotifier notifier, TimeProvider clock,
    Localizer localizer)
{
    /// <summary>
    /// A problem a module found: opens an incident, or adds the evidence to the unresolved one of the same cause and place
    /// without telling anyone again. Writes through the caller's unit of work and transaction, when it has one.
    /// </summary>
    public async Task<Guid> ReportAsync(AutomaticIncidentReport report, CancellationToken ct = default)
    {
        var cause = report.Cause?.Trim() ?? "";
        if (cause.Length is 0 or > 64 || !Enum.IsDefined(report.Type) || !Enum.IsDefined(report.Severity))
        {
            throw new ArgumentException($"An automatic incident needs a cause of 1 to 64 characters and a known type and severity (cause \"{cause}\").", nameof(report));
        }

        if (report.Place.ZoneId is null && report.Place.GateId is null && string.IsNullOrWhiteSpace(report.Place.Text))
        {
            throw new SummitException(SummitError.Of(IncidentErrors.PlaceRequired));
        }

        var summitEvent = await store.CurrentEventAsync(ct);
        var key = IncidentStore.OpenKeyOf(cause, report.Place);
        var open = db.ChangeTracker.Entries<Incident>().Select(e => e.Entity).FirstOrDefault(i => i.EventId == summitEvent.Id && i.OpenKey == key)
            ?? await db.Set<Incident>().Include(i => i.Evidence).FirstOrDefaultAsync(i => i.EventId == summitEvent.Id && i.OpenKey == key, ct);
        var evidence = new IncidentEvidenceLink
        {
            Kind = IncidentStore.Clip(report.Evidence.Kind, 32),
            Reference = IncidentStore.Clip(report.Evidence.Reference, 100),
            SummaryEn = IncidentStore.Clip(report.Evidence.SummaryEn, 500),
            SummaryZh = IncidentStore.Clip(report.Evidence.SummaryZh, 500),
            AddedAt = clock.GetUtcNow(),
        };
        if (open is not null)
        {
            if (open.Evidence.Any(e => e.Kind == evidence.Kind && e.Reference == evidence.Reference))
            {
                return open.Id;
            }

            var now = clock.GetUtcNow();
            evidence.IncidentId = open.Id;
            db.Add(evidence);
            open.Evidence.Add(evidence);
            open.ReportCount++;
            IncidentStore.Touch(open, now);
            store.AddTimeline(open, TimelineKind.Reported, "system:" + ModuleOf(cause), evidence.SummaryEn, now);
            await store.AuditAsync(open, IncidentAuditActions.ReportedAgain, new Dictionary<string, (object?, object?)>
            {
                ["evidence"] = (null, $"{evidence.Kind}:{evidence.Reference}"),
                ["reports"] = (open.ReportCount - 1, open.ReportCount),
            });
            await db.SaveChangesAsync(ct);
            notifier.Publish(open);
            return open.Id;
        }

        var incident = await opening.NewAsync(summitEvent.Id, report.Type, report.Severity, "", report.Evidence.SummaryEn, report.Place, null,
            "system:" + ModuleOf(cause), ct);
        IncidentTitles.Apply(incident, report.Title, localizer);
        incident.Cause = cause;
        incident.OpenKey = key;
        await opening.SaveNewAsync(incident, cause, evidence, ct);
        return incident.Id;
    }

    private static string ModuleOf(string cause) => cause.Split('.')[0];
}
