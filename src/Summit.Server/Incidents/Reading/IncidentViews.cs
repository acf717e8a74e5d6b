using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Contracts;
using Summit.Server.Incidents.Photos;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Incidents.Reading;

/// <summary>
/// An incident as the signed-in reader may see it, in a list or in full, with its place in both languages and its SLA clock. A health
/// incident's details go only to the roles that handle health (<see cref="HealthDetails"/>), and each such read of it in full is
/// audited; everyone else sees that it exists, where, how urgent and how far along.
/// </summary>
public sealed class IncidentViews(SummitDbContext db, IZoneDirectory zones, IncidentStore store, TimeProvider clock, Localizer localizer)
{
    public async Task<IncidentPlaces> PlacesAsync(CancellationToken ct) =>
        new((await zones.ListZonesAsync(ct)).ToDictionary(z => z.Id), (await zones.ListGatesAsync(ct)).ToDictionary(g => g.Id));

    /// <summary>The incidents in the order given, each as the reader may see it in a list.</summary>
    public async Task<List<IncidentSummary>> SummariesAsync(IEnumerable<Incident> incidents, CancellationToken ct)
    {
        var places = await PlacesAsync(ct);
        var now = clock.GetUtcNow();
        var mayReadHealth = HealthDetails.MayRead((await store.WhoAsync(ct)).Roles);
        return [.. incidents.Select(i => Summary(i, places, now, withheld: HealthDetails.HeldBy(i) && !mayReadHealth))];
    }

    public async Task<IncidentDetail> DetailAsync(Incident incident, CancellationToken ct)
    {
        var places = await PlacesAsync(ct);
        var (actor, roles) = await store.WhoAsync(ct);
        var withheld = HealthDetails.HeldBy(incident) && !HealthDetails.MayRead(roles);
        if (HealthDetails.HeldBy(incident) && !withheld)
        {
            await store.AuditReadAsync(incident, IncidentAuditActions.HealthDetailsViewed);
        }

        var photos = withheld ? [] : await db.Set<IncidentAttachment>().AsNoTracking().Where(a => a.IncidentId == incident.Id).OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentView(a.Id, a.Width, a.Height, a.UploadedAt, a.UploadedBy)).ToListAsync(ct);
        var canAct = IncidentStore.MayAct(incident, actor, roles);
        return new IncidentDetail(Summary(incident, places, clock.GetUtcNow(), withheld), withheld ? "" : incident.Description, incident.Cause,
            incident.ReporterName, incident.AcknowledgedAt, incident.StartedAt, incident.ResolvedAt, incident.ClosedAt, incident.ReopenedAt,
            withheld ? null : incident.Resolution, incident.AcknowledgeDueAt, incident.ResolveDueAt, incident.AcknowledgeEscalatedAt, incident.ResolveEscalatedAt,
            [.. incident.Evidence.OrderBy(e => e.AddedAt).Select(e => withheld
                ? new EvidenceView(e.Kind, e.Reference, "", "", e.AddedAt, EvidenceLinks.PageFor(e.Kind))
                : new EvidenceView(e.Kind, e.Reference, e.SummaryEn, e.SummaryZh, e.AddedAt, EvidenceLinks.PageFor(e.Kind)))],
            [.. incident.Timeline.OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new TimelineView(t.At, t.Kind, t.ActorName,
                withheld && !HealthDetails.SaysNothingPersonal(t.Kind) ? null : t.Text))],
            photos,
            canAct ? IncidentLifecycle.Next(incident.Status) : [],
            canAct,
            Policies.RolesFor[Policies.IncidentsAssign].Any(roles.Contains),
            withheld);
    }

    private IncidentSummary Summary(Incident i, IncidentPlaces places, DateTimeOffset now, bool withheld)
    {
        SlaClock? sla = i.Status switch
        {
            IncidentStatus.Open => new SlaClock("acknowledge", i.AcknowledgeDueAt, now >= i.AcknowledgeDueAt),
            IncidentStatus.Acknowledged or IncidentStatus.InProgress => new SlaClock("resolve", i.ResolveDueAt, now >= i.ResolveDueAt),
            _ => null,
        };
        // A withheld title says only what kind of incident it is: a title written by staff may name the person concerned.
        var (title, titleZh) = withheld
            ? (localizer.Get(Localizer.English, HealthDetails.TitleKey), localizer.Get(Localizer.Chinese, HealthDetails.TitleKey))
            : (IncidentTitles.In(i, Localizer.English, localizer), i.TitleKey is null ? i.TitleZh : IncidentTitles.In(i, Localizer.Chinese, localizer));
        return new IncidentSummary(i.Id, i.DisplayNumber, i.Type, i.Severity, i.Status, title, titleZh, places.Describe(i.ZoneId, i.GateId, i.PlaceText),
            i.AssignedTeam, i.AssignedUserName, i.CreatedAt, sla, i.AcknowledgeEscalatedAt is not null || i.ResolveEscalatedAt is not null,
            i.Cause is not null, i.ReportCount);
    }
}
