namespace Summit.Server.Operations.Dashboard;

public enum CrowdingChange
{
    None,

    /// <summary>The zone went above the threshold while armed: raise one incident for this episode.</summary>
    Raised,

    /// <summary>The zone fell back under the re-arm level: the next rise is a new episode.</summary>
    Cleared,
}
