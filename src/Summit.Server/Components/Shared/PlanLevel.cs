namespace Summit.Server.Components.Shared;

/// <summary>The colour of a zone on the site plan; its name is the plan's data-level and, in lower case, its CSS class.</summary>
public enum PlanLevel
{
    /// <summary>Grey: no capacity set, or no counts shown.</summary>
    Unknown,

    /// <summary>Green.</summary>
    Normal,

    /// <summary>Amber.</summary>
    Busy,

    /// <summary>Red.</summary>
    Crowded,
}
