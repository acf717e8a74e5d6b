namespace Summit.Server.Operations.Incidents;

public sealed record TransitionRequest(IncidentStatus To, string? Note);
