using Microsoft.EntityFrameworkCore;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Incidents;

/// <summary>
/// The incidents' part of privacy requests and the purge. An incident names no guest in a field of its own: it concerns a person
/// when its evidence is one of their records (an entry conflict) or when its text names them (a full name or the address). An
/// open incident that concerns a person is a legal hold: nothing of theirs is erased until it is resolved. Afterwards the person's
/// name leaves the texts; after the retention period all free text, photos and bell entries go, and the incidents stay as the
/// closing report counts them (type, severity, place, times).
/// </summary>
public sealed class IncidentPersonalData(SummitDbContext db, AuditRedaction auditTrail) : IPersonalDataHolder
{
    public const string AreaName = "incidents";
    private const string AuditEntityType = "incident";

    /// <summary>The fields of an incident's audit entries that hold what someone wrote.</summary>
    private static readonly HashSet<string> FreeTextFields = ["note", "comment"];

    public string Area => AreaName;

    public async Task<PersonalDataSection> ExportAsync(DataSubject subject, IReadOnlyList<PersonReference> personReferences, CancellationToken ct)
    {
        var references = personReferences.Select(r => (r.Kind, r.Reference)).ToHashSet();
        var records = new List<PersonalRecord>();
        foreach (var item in await LoadAsync(subject.EventId, doneOnly: false, ct))
        {
            var evidence = item.Evidence.Where(e => references.Contains((e.Kind, e.Reference))).ToList();
            var mentions = item.Texts.Where(t => ErasedText.Mentions(t.Text, subject)).ToList();
            if (evidence.Count == 0 && mentions.Count == 0)
            {
                continue;
            }

            var i = item.Incident;
            var fields = new List<PersonalField>
            {
                new("number", i.DisplayNumber), new("type", i.Type), new("severity", i.Severity), new("status", i.Status), new("createdAt", i.CreatedAt),
                new("resolvedAt", i.ResolvedAt), new("photos", item.Photos),
            };
            fields.AddRange(evidence.Select(e => new PersonalField("evidence", e.SummaryEn)));
            fields.AddRange(mentions.Select(m => new PersonalField(m.Field, m.Text)));
            records.Add(new("incident", fields));
        }

        return new PersonalDataSection(Area, records);
    }

    public async Task<IReadOnlyList<LegalHold>> HoldsAsync(IReadOnlyList<DataSubject> subjects, IReadOnlyList<PersonReference> references,
        ErasureCause cause, CancellationToken ct)
    {
        var holds = new List<LegalHold>();
        if (subjects.Count == 0)
        {
            return holds;
        }

        var open = (await LoadAsync(subjects[0].EventId, doneOnly: false, ct)).Where(i => !i.Incident.IsDone).ToList();
        if (open.Count == 0)
        {
            return holds;
        }

        var byPerson = references.ToLookup(r => r.PersonId, r => (r.Kind, r.Reference));
        foreach (var subject in subjects)
        {
            var theirs = byPerson[subject.PersonId].ToHashSet();
            holds.AddRange(open.Where(i => i.Evidence.Any(e => theirs.Contains((e.Kind, e.Reference))) || i.Texts.Any(t => ErasedText.Mentions(t.Text, subject)))
                .Select(i => new LegalHold(subject.PersonId, Area, "incident_open", [i.Incident.DisplayNumber])));
        }

        return holds;
    }

    /// <summary>
    /// On a request, the person's name leaves the texts of the (resolved) incidents that concern them, their evidence loses its
    /// summary, and the photos of incidents that name them go. The purge does all of this for every incident instead.
    /// </summary>
    public async Task<IReadOnlyList<DataCount>> EraseAsync(ErasureScope scope, bool dryRun, CancellationToken ct)
    {
        if (scope.Cause == ErasureCause.Retention)
        {
            return [];
        }

        var subjects = scope.Targets.Select(t => t.Subject).ToList();
        var references = scope.References.Select(r => (r.Kind, r.Reference)).ToHashSet();
        string Without(string text) => subjects.Aggregate(text, (t, subject) => ErasedText.Without(t, subject)!);
        int incidents = 0, timeline = 0, evidence = 0, notifications = 0;
        var named = new List<Guid>();
        var concerned = new Dictionary<string, string?>();
        foreach (var item in await LoadAsync(scope.EventId, doneOnly: true, ct))
        {
            var i = item.Incident;
            var mentioned = item.Texts.Any(t => subjects.Any(s => ErasedText.Mentions(t.Text, s)));
            var theirEvidence = item.Evidence.Where(e => references.Contains((e.Kind, e.Reference)) && e.SummaryEn != ErasedText.Marker).ToList();
            if (!mentioned && theirEvidence.Count == 0)
            {
                continue;
            }

            concerned[i.Id.ToString()] = null;
            evidence += theirEvidence.Count;
            if (mentioned)
            {
                named.Add(i.Id);
                incidents += new[] { i.Title, i.TitleZh, i.Description, i.Resolution }.Any(t => subjects.Any(s => ErasedText.Mentions(t, s))) ? 1 : 0;
                timeline += item.Timeline.Count(t => subjects.Any(s => ErasedText.Mentions(t.Text, s)));
            }

            if (dryRun)
            {
                continue;
            }

            var tracked = await db.Incidents.Include(x => x.Timeline).Include(x => x.Evidence).AsSplitQuery().FirstAsync(x => x.Id == i.Id, ct);
            var title = (tracked.Title, tracked.TitleZh);
            tracked.Title = Without(tracked.Title);
            tracked.TitleZh = tracked.TitleZh is null ? null : Without(tracked.TitleZh);
            if ((tracked.Title, tracked.TitleZh) != title)
            {
                // The key's arguments name what the erased title named.
                IncidentTitles.Forget(tracked);
            }

            tracked.Description = Without(tracked.Description);
            tracked.Resolution = tracked.Resolution is null ? null : Without(tracked.Resolution);
            foreach (var line in tracked.Timeline.Where(t => t.Text is not null))
            {
                line.Text = Without(line.Text!);
            }

            foreach (var link in tracked.Evidence.Where(e => references.Contains((e.Kind, e.Reference))))
            {
                link.SummaryEn = ErasedText.Marker;
                link.SummaryZh = ErasedText.Marker;
            }
        }

        var concernedIds = concerned.Keys.Select(Guid.Parse).ToList();
        var notificationRows = await (dryRun ? db.IncidentNotifications.AsNoTracking() : db.IncidentNotifications)
            .Where(n => concernedIds.Contains(n.IncidentId)).ToListAsync(ct);
        foreach (var notification in notificationRows.Where(n => subjects.Any(s => ErasedText.Mentions(n.TitleEn, s) || ErasedText.Mentions(n.TitleZh, s))))
        {
            notifications++;
            if (!dryRun)
            {
                notification.TitleEn = Without(notification.TitleEn);
                notification.TitleZh = Without(notification.TitleZh);
            }
        }

        var photos = db.IncidentAttachments.Where(a => named.Contains(a.IncidentId));
        var photoCount = dryRun ? await photos.CountAsync(ct) : await photos.ExecuteDeleteAsync(ct);
        if (!dryRun)
        {
            await db.SaveChangesAsync(ct);
        }

        var audit = await auditTrail.RewriteEntitiesAsync(AuditEntityType, concerned, (_, text) => Without(text), dryRun, ct);
        return
        [
            new(Area, "incident-text", DataAction.Anonymized, incidents), new(Area, "timeline-entry", DataAction.Anonymized, timeline),
            new(Area, "evidence", DataAction.Anonymized, evidence), new(Area, "notification", DataAction.Anonymized, notifications),
            new(Area, "photo", DataAction.Deleted, photoCount), new(Area, "incident-audit-entry", DataAction.Anonymized, audit),
        ];
    }

    /// <summary>
    /// After the retention period, every resolved or closed incident of the event keeps its type, severity, place, times and SLA
    /// targets (the report's figures) and loses what people wrote, its photos, the summaries of evidence that point to a person's
    /// records, and its bell entries. An incident still open is kept whole: it is a legal hold.
    /// </summary>
    public async Task<IReadOnlyList<DataCount>> PurgeEventAsync(EventPurgeScope scope, bool dryRun, CancellationToken ct)
    {
        var done = db.Incidents.Where(i => i.EventId == scope.EventId && (i.Status == IncidentStatus.Resolved || i.Status == IncidentStatus.Closed));
        var doneIds = await done.Select(i => i.Id).ToListAsync(ct);
        var stillOpen = await db.Incidents.CountAsync(i => i.EventId == scope.EventId && i.Status != IncidentStatus.Resolved && i.Status != IncidentStatus.Closed, ct);
        var texts = done.Where(i => (i.Description != "" && i.Description != ErasedText.Marker) || (i.Resolution != null && i.Resolution != ErasedText.Marker)
            || (i.Cause == null && i.Title != ErasedText.Marker));
        var timeline = db.IncidentTimeline.Where(t => doneIds.Contains(t.IncidentId) && t.Text != null && t.Text != ErasedText.Marker);
        var evidence = db.IncidentEvidence.Where(e => doneIds.Contains(e.IncidentId) && e.Kind != "reading" && e.Kind != "sensor" && e.Kind != "zone"
            && e.SummaryEn != ErasedText.Marker);
        var photos = db.IncidentAttachments.Where(a => doneIds.Contains(a.IncidentId));
        var bell = db.IncidentNotifications.Where(n => doneIds.Contains(n.IncidentId));
        var audited = doneIds.ToDictionary(i => i.ToString(), _ => (string?)null);
        int textCount, timelineCount, evidenceCount, photoCount, bellCount;
        if (dryRun)
        {
            (textCount, timelineCount, evidenceCount, photoCount, bellCount) = (await texts.CountAsync(ct), await timeline.CountAsync(ct),
                await evidence.CountAsync(ct), await photos.CountAsync(ct), await bell.CountAsync(ct));
        }
        else
        {
            textCount = await texts.ExecuteUpdateAsync(u => u
                .SetProperty(i => i.Description, i => i.Description == "" ? "" : ErasedText.Marker)
                .SetProperty(i => i.Resolution, i => i.Resolution == null ? null : ErasedText.Marker)
                .SetProperty(i => i.Title, i => i.Cause == null ? ErasedText.Marker : i.Title)
                .SetProperty(i => i.TitleZh, i => i.Cause == null ? null : i.TitleZh), ct);
            timelineCount = await timeline.ExecuteUpdateAsync(u => u.SetProperty(t => t.Text, ErasedText.Marker), ct);
            evidenceCount = await evidence.ExecuteUpdateAsync(u => u.SetProperty(e => e.SummaryEn, ErasedText.Marker).SetProperty(e => e.SummaryZh, ErasedText.Marker), ct);
            photoCount = await photos.ExecuteDeleteAsync(ct);
            bellCount = await bell.ExecuteDeleteAsync(ct);
        }

        var audit = await auditTrail.RewriteEntitiesAsync(AuditEntityType, audited,
            (field, value) => FreeTextFields.Contains(field) ? ErasedText.Marker : value, dryRun, ct);
        return
        [
            new(Area, "incident-text", DataAction.Anonymized, textCount), new(Area, "timeline-entry", DataAction.Anonymized, timelineCount),
            new(Area, "evidence", DataAction.Anonymized, evidenceCount), new(Area, "photo", DataAction.Deleted, photoCount),
            new(Area, "notification", DataAction.Deleted, bellCount), new(Area, "incident-audit-entry", DataAction.Anonymized, audit),
            new(Area, "incident-open", DataAction.Kept, stillOpen),
        ];
    }

    private sealed record TextOf(string Field, string? Text);

    private sealed record Loaded(Incident Incident, List<TextOf> Texts, List<IncidentEvidenceLink> Evidence, List<IncidentTimelineEntry> Timeline, int Photos);

    /// <summary>The event's incidents with their texts, evidence and timeline (an event has hundreds, not tens of thousands).</summary>
    private async Task<List<Loaded>> LoadAsync(Guid eventId, bool doneOnly, CancellationToken ct)
    {
        var query = db.Incidents.AsNoTracking().Include(i => i.Evidence).Include(i => i.Timeline).Where(i => i.EventId == eventId);
        if (doneOnly)
        {
            query = query.Where(i => i.Status == IncidentStatus.Resolved || i.Status == IncidentStatus.Closed);
        }

        var incidents = await query.AsSplitQuery().ToListAsync(ct);
        var ids = incidents.Select(i => i.Id).ToList();
        var photos = await db.IncidentAttachments.AsNoTracking().Where(a => ids.Contains(a.IncidentId)).GroupBy(a => a.IncidentId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. incidents.Select(i => new Loaded(i,
            [new("title", i.Title), new("titleZh", i.TitleZh), new("description", i.Description), new("resolution", i.Resolution),
                .. i.Timeline.OrderBy(t => t.At).Select(t => new TextOf("comment", t.Text))],
            i.Evidence, i.Timeline, photos.GetValueOrDefault(i.Id)))];
    }
}
