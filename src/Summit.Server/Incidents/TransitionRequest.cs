namespace Summit.Server.Incidents;

public sealed record TransitionRequest(IncidentStatus To, string? Note);
