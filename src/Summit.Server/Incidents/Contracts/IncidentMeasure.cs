namespace Summit.Server.Incidents.Contracts;

/// <summary>Which incident figure a list of records stands behind.</summary>
public enum IncidentMeasure
{
    /// <summary>The first period of each incident raised (one row per incident).</summary>
    Raised = 0,

    /// <summary>The last period of each incident resolved at the moment.</summary>
    Resolved = 1,

    /// <summary>The first period of each acknowledged incident; minutes from raising to the first acknowledgement.</summary>
    Acknowledge = 2,

    /// <summary>The last period of each resolved incident; minutes from raising to the final resolution.</summary>
    Resolve = 3,

    /// <summary>Every period whose acknowledgement came after its target (or had not come with the target past).</summary>
    AcknowledgeLate = 4,

    /// <summary>Every period whose resolution came after its target (or had not come with the target past).</summary>
    ResolveLate = 5,

    /// <summary>Every period that began with a reopen; minutes from the reopen to the resolution that ended it (or to the moment).</summary>
    Reopens = 6,
}
