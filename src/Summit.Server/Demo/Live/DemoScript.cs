namespace Summit.Server.Demo.Live;

/// <summary>The morning as a timed list of beats, and what it was made to show.</summary>
public sealed record DemoScript(IReadOnlyList<DemoBeat> Beats, TimeSpan Length, string? CrowdedZone, int CrowdTarget, string? BrokenSensor, int Fevers)
{
    public int Scans => Beats.Count(b => b.Kind == DemoBeatKind.Scan);
}
