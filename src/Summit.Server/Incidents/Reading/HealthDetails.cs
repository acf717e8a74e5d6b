using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Incidents.Reading;

/// <summary>
/// Which incidents hold health details and who may read them. A health incident's details (its title and description as written,
/// the evidence, the words of its timeline, the resolution, the photos) go only to the roles that handle health.
/// </summary>
public static class HealthDetails
{
    /// <summary>The catalog key of the title a reader without health rights sees for a health incident.</summary>
    internal const string TitleKey = "incidents.health.title";

    /// <summary>Health incidents hold health details: temperatures, the person concerned, photos of them.</summary>
    internal static bool HeldBy(Incident incident) => incident.Type == IncidentType.Health;

    internal static bool MayRead(IReadOnlySet<string> roles) => Policies.RolesFor[Policies.IncidentsHealthDetails].Any(roles.Contains);

    /// <summary>Timeline lines whose words are a team or role, never what someone wrote about the person.</summary>
    internal static bool SaysNothingPersonal(TimelineKind kind) => kind is TimelineKind.Assigned or TimelineKind.AcknowledgeBreached or TimelineKind.ResolveBreached;
}
