namespace Summit.Server.Infrastructure.Incidents;

/// <summary>Where a settled cause moves its incident.</summary>
public enum IncidentSettlement
{
    /// <summary>Work goes on (a confirmed fever: the person is in medical care).</summary>
    InProgress,

    /// <summary>Nothing left to do (a cleared hold: the re-measurement was normal).</summary>
    Resolved,
}
