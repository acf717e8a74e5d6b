namespace Summit.Server.Demo.Live;

/// <summary>The morning as a timed list of beats, and what it was made to show.</summary>
/// <param name="LentBadgeAt">When a borrowed badge is shown at the face lane with the borrower's face; null without faces.</param>
public sealed record DemoScript(IReadOnlyList<DemoBeat> Beats, TimeSpan Length, string? CrowdedZone, int CrowdTarget, string? BrokenSensor, int Fevers,
    TimeSpan? LentBadgeAt = null)
{
    public int Scans => Beats.Count(b => b.Kind == DemoBeatKind.Scan);

    /// <summary>The VIPs who come to the face lane with their face alone.</summary>
    public int FaceLaneArrivals => Beats.Count(b => b.Kind == DemoBeatKind.Scan && b.FaceOnly);
}
