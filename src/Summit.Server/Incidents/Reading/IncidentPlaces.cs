using Summit.Server.Access.Contracts;

namespace Summit.Server.Incidents.Reading;

/// <summary>The event's zones and gates, to say where an incident is in both languages.</summary>
public sealed record IncidentPlaces(Dictionary<Guid, ZoneView> Zones, Dictionary<Guid, GateView> Gates)
{
    public IncidentPlaceView Describe(Guid? zoneId, Guid? gateId, string? text)
    {
        var parts = new List<(string En, string Zh)>();
        if (gateId is { } g && Gates.TryGetValue(g, out var gate))
        {
            parts.Add(($"{gate.Code} {gate.NameEn}", $"{gate.Code} {gate.NameZh}"));
        }
        else if (zoneId is { } z && Zones.TryGetValue(z, out var zone))
        {
            parts.Add(($"{zone.Code} {zone.NameEn}", $"{zone.Code} {zone.NameZh}"));
        }

        if (!string.IsNullOrEmpty(text))
        {
            parts.Add((text, text));
        }

        return new IncidentPlaceView(zoneId, gateId, text, string.Join(" · ", parts.Select(p => p.En)), string.Join(" · ", parts.Select(p => p.Zh)));
    }
}
