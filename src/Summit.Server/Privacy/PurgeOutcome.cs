namespace Summit.Server.Privacy;

public enum PurgeOutcome
{
    /// <summary>Still running (or its server stopped while it ran: a run older than the lease is taken over).</summary>
    Running,
    Completed,
    Failed,
    Abandoned,
}
