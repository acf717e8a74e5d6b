using Summit.Server.Incidents;

namespace Summit.Server.Operations.Dashboard;

/// <summary>The open incidents panel over the incidents module: every incident not yet resolved, with the SLA step it waits for.</summary>
public sealed class IncidentPanel(IncidentService incidents) : IIncidentDashboardSource
{
    public async Task<IReadOnlyList<OpenIncidentItem>> OpenAsync(CancellationToken ct) =>
        [.. (await incidents.ListAsync(new IncidentFilter(ActiveOnly: true), ct)).Select(i => new OpenIncidentItem(i.Id, i.Number, i.Title,
            i.TitleZh ?? i.Title, i.Type, i.Severity, i.Place.LabelEn, i.Place.LabelZh, i.CreatedAt, i.Sla?.DueAt))];
}
