namespace Summit.Server.Privacy;

/// <summary>
/// One purge of an event. A row without <see cref="FinishedAt"/> is the claim of the server that runs it: a unique index admits one
/// such row per event, so that several servers running the job never purge one event at once.
/// </summary>
public sealed class PurgeRun
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public PurgeTrigger Trigger { get; set; }
    public string Node { get; set; } = "";
    public string Actor { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public PurgeOutcome Outcome { get; set; }

    /// <summary>Persons erased and persons kept under a legal hold.</summary>
    public int Erased { get; set; }
    public int Held { get; set; }

    /// <summary>The counts per module, kind and action, as JSON (no one named).</summary>
    public string? Counts { get; set; }
    public string? Error { get; set; }
}
