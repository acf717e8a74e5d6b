using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Incidents.Contracts;

/// <summary>An open incident as the wall screen shows it; <see cref="DueAt"/> is when its SLA runs out (null: no SLA).</summary>
public sealed record OpenIncidentItem(Guid Id, string Number, string TitleEn, string TitleZh, IncidentType Type, IncidentSeverity Severity,
    string PlaceEn, string PlaceZh, DateTimeOffset OpenedAt, DateTimeOffset? DueAt)
{
    public string Title(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? TitleZh : TitleEn;

    public string Place(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? PlaceZh : PlaceEn;
}
