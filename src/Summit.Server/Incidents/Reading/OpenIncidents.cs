using Summit.Server.Incidents.Contracts;

namespace Summit.Server.Incidents.Reading;

/// <summary>The open incidents for a wall screen, read through the incident list (the same withholding of health details applies).</summary>
public sealed class OpenIncidents(IncidentReadService incidents) : IOpenIncidents
{
    public async Task<IReadOnlyList<OpenIncidentItem>> ListAsync(CancellationToken ct = default) =>
        [.. (await incidents.ListAsync(new IncidentFilter(ActiveOnly: true), ct)).Select(i => new OpenIncidentItem(i.Id, i.Number, i.Title,
            i.TitleZh ?? i.Title, i.Type, i.Severity, i.Place.LabelEn, i.Place.LabelZh, i.CreatedAt, i.Sla?.DueAt))];
}
