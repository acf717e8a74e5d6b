using Summit.Server.Incidents.Reading;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Incidents.Progress;

/// <summary>An incident moved along its lifecycle by the people who may act on it, or settled by the module that reported it.</summary>
public sealed class TransitionService(IncidentStore store, IncidentMoves moves, IncidentViews views, TimeProvider clock, Localizer localizer)
{
    public async Task<IncidentDetail> TransitionAsync(string number, TransitionRequest request, CancellationToken ct = default)
    {
        var incident = await store.LoadAsync(number, tracked: true, ct);
        var (actor, roles) = await store.WhoAsync(ct);
        IncidentStore.EnsureMayAct(incident, actor, roles);
        var to = request.To;
        var from = incident.Status;
        if (!Enum.IsDefined(to) || !IncidentLifecycle.Allows(from, to))
        {
            throw new SummitException(SummitError.Conflict(IncidentErrors.TransitionIllegal, from, Enum.IsDefined(to) ? to : from));
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note is null && IncidentLifecycle.NeedsNote(from, to))
        {
            throw new SummitException(SummitError.Of(IncidentErrors.ReasonRequired, to));
        }

        if (note?.Length > IncidentLimits.Note)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.FieldTooLong, localizer["incidents.field.note"], IncidentLimits.Note));
        }

        await moves.MoveAsync(incident, to, note, actor, clock.GetUtcNow(), ct);
        await store.SaveAsync(incident, ct);
        return await views.DetailAsync(incident, ct);
    }

    /// <summary>
    /// A module settled the cause of its automatic incident (a fever hold cleared or confirmed): moves it to <paramref name="settlement"/>
    /// with the note, in the name of the current actor (the officer who decided, already authorized by that module) and in the caller's
    /// unit of work. An incident someone already moved past that point keeps its status and gets the note as a comment.
    /// </summary>
    public async Task SettleAutomaticAsync(Guid incidentId, IncidentSettlement settlement, string note, CancellationToken ct = default)
    {
        var incident = await store.FindAsync(incidentId, ct);
        if (incident is null)
        {
            return;
        }

        var actor = await store.ActorAsync();
        var to = settlement == IncidentSettlement.Resolved ? IncidentStatus.Resolved : IncidentStatus.InProgress;
        var text = IncidentStore.Clip(note.Trim(), IncidentLimits.Note);
        var now = clock.GetUtcNow();
        if (IncidentLifecycle.Allows(incident.Status, to))
        {
            await moves.MoveAsync(incident, to, text, actor, now, ct);
        }
        else
        {
            IncidentStore.Touch(incident, now);
            store.AddTimeline(incident, TimelineKind.Commented, actor.Name, text, now);
            await store.AuditAsync(incident, IncidentAuditActions.Commented, new Dictionary<string, (object?, object?)>
            {
                ["comment"] = (null, text),
            });
        }

        await store.SaveAsync(incident, ct);
    }
}
