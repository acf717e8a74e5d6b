namespace Summit.Server.Incidents;

/// <summary>How fast an incident of one severity must be acknowledged and resolved.</summary>
public sealed class SlaTarget
{
    public int AcknowledgeMinutes { get; set; }
    public int ResolveMinutes { get; set; }
}
