using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Incidents;

public sealed record SlaSettingsInput(SlaMinutes Critical, SlaMinutes High, SlaMinutes Medium, SlaMinutes Low)
{
    public SlaMinutes For(IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.Critical => Critical,
        IncidentSeverity.High => High,
        IncidentSeverity.Medium => Medium,
        _ => Low,
    };
}
