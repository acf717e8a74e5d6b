namespace Summit.Faces.Core;

/// <summary>Limits of the liveness check (docs/benchmarks.md, "Faces: liveness", says where the numbers come from).</summary>
public sealed record FaceLivenessOptions
{
    /// <summary>Frames a burst must have.</summary>
    public int MinFrames { get; init; } = 3;

    /// <summary>Descriptor distance two frames of the burst must stay under to count as the same person (the event's threshold).</summary>
    public double SamePersonThreshold { get; init; } = 0.45;

    /// <summary>
    /// Smallest change of <see cref="FaceLiveness.NoseAcross"/> between two frames that counts as a head turn. A printed sample face
    /// moved, turned in the plane, scaled, blurred, compressed or tilted by 30° changed it by at most 0.106 (landmark jitter and
    /// perspective); a head must turn by an estimated 15-20° to change it by 0.12 (estimated from the sample faces and their mirror images).
    /// </summary>
    public double MinTurn { get; init; } = 0.12;
}
