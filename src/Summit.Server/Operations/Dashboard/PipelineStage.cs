namespace Summit.Server.Operations.Dashboard;

/// <summary>The five steps of the arrivals pipeline, in order.</summary>
public enum PipelineStage
{
    Invited,
    Registered,
    Approved,
    Accredited,
    Arrived,
}
