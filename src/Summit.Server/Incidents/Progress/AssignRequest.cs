namespace Summit.Server.Incidents.Progress;

/// <summary>Assign to a team (a role of <see cref="IncidentTeams"/>), to one person, or both.</summary>
public sealed record AssignRequest(string? Team, string? UserId);
