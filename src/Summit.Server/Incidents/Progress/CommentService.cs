using Summit.Server.Incidents.Reading;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Incidents.Progress;

/// <summary>A comment on an incident's timeline by someone who may act on it; it adds to the incident without changing it.</summary>
public sealed class CommentService(IncidentStore store, IncidentViews views, Localizer localizer)
{
    public async Task<IncidentDetail> CommentAsync(string number, CommentRequest request, CancellationToken ct = default)
    {
        var incident = await store.LoadAsync(number, tracked: false, ct);
        var (actor, roles) = await store.WhoAsync(ct);
        IncidentStore.EnsureMayAct(incident, actor, roles);
        var text = request.Text?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.FieldRequired, localizer["incidents.field.comment"]));
        }

        if (text.Length > IncidentLimits.Note)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.FieldTooLong, localizer["incidents.field.comment"], IncidentLimits.Note));
        }

        await store.AppendAsync(incident, async now =>
        {
            store.AddTimeline(incident, TimelineKind.Commented, actor.Name, text, now);
            await store.AuditAsync(incident, IncidentAuditActions.Commented, new Dictionary<string, (object?, object?)>
            {
                ["comment"] = (null, text),
            });
        }, ct);
        return await views.DetailAsync(incident, ct);
    }
}
