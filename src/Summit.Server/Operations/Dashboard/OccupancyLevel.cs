namespace Summit.Server.Operations.Dashboard;

/// <summary>How full a zone is, as the plan colours it.</summary>
public enum OccupancyLevel
{
    /// <summary>No capacity set: drawn grey, never crowded.</summary>
    Unknown,

    /// <summary>Under 70%: green.</summary>
    Normal,

    /// <summary>70% to 90%: amber.</summary>
    Busy,

    /// <summary>Over 90%: red.</summary>
    Crowded,
}
