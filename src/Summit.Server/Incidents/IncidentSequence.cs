namespace Summit.Server.Incidents;

/// <summary>The last incident number used in an event: incremented under a row lock, so two reports never share a number.</summary>
public sealed class IncidentSequence
{
    public Guid EventId { get; set; }
    public int LastNumber { get; set; }
}
