namespace Summit.Server.Incidents;

/// <summary>One line of an incident's history: every change, comment and escalation, in order.</summary>
public sealed class IncidentTimelineEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid IncidentId { get; set; }
    public DateTimeOffset At { get; set; }
    public TimelineKind Kind { get; set; }
    public string ActorName { get; set; } = "";

    /// <summary>The comment, the reason, the resolution, or the new assignee, as written.</summary>
    public string? Text { get; set; }
}
