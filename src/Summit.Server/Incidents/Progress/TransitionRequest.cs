namespace Summit.Server.Incidents.Progress;

public sealed record TransitionRequest(IncidentStatus To, string? Note);
