namespace Summit.Server.Infrastructure.Incidents;

/// <summary>What kind of problem an incident is: the operations centre sorts and routes by it.</summary>
public enum IncidentType
{
    Security,
    Health,
    Equipment,
    Crowding,
    GuestService,
    IT,
    Other,
}
