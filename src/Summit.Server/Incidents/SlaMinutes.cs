namespace Summit.Server.Incidents;

/// <summary>Minutes to acknowledge and to resolve an incident of one severity.</summary>
public sealed record SlaMinutes(int AcknowledgeMinutes, int ResolveMinutes);
