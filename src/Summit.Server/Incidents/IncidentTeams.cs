using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Incidents;

/// <summary>
/// Teams are staff roles: everyone who holds the role is on the team and is told about its incidents. An incident may
/// also name one person, who must hold a role that works on incidents.
/// </summary>
public static class IncidentTeams
{
    public static readonly IReadOnlyList<string> All = [Roles.SecurityOfficer, Roles.OperationsCentre, Roles.VenueManager];

    /// <summary>Who takes an incident nobody assigned: people problems to security, places and things to the venue, the rest to the centre.</summary>
    public static string DefaultFor(IncidentType type) => type switch
    {
        IncidentType.Security or IncidentType.Health => Roles.SecurityOfficer,
        IncidentType.Equipment or IncidentType.Crowding => Roles.VenueManager,
        _ => Roles.OperationsCentre,
    };

    /// <summary>Roles that see and act on every incident, whoever it is assigned to.</summary>
    public static readonly IReadOnlyList<string> Supervising = [Roles.Admin, Roles.OperationsCentre];
}
