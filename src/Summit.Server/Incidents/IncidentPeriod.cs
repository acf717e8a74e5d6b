namespace Summit.Server.Incidents;

/// <summary>
/// One period of an incident, from its raising (period 0) or a reopen (1, 2...) to the resolution that ended it, with the SLA
/// targets counted from its start. Never cleared: the closing report reads first acknowledgements, final resolutions and the time
/// spent reopened from these, as of any moment.
/// </summary>
public sealed class IncidentPeriod
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid IncidentId { get; set; }

    /// <summary>0 from the raising, then the reopen's number.</summary>
    public int Number { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset AcknowledgeDueAt { get; set; }
    public DateTimeOffset ResolveDueAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
