namespace Summit.Faces.Core;

/// <summary>Limits of the enrolment quality check (docs/guide/faces-engine.md says what each one means for a guest).</summary>
public sealed record FaceQualityOptions
{
    /// <summary>Smallest side of the dlib-aligned face box, in pixels (the recognition network reads 150).</summary>
    public double MinFaceSize { get; init; } = 100;

    /// <summary>Largest |yaw| ratio: 0 when the nose is midway between the jaw's ends, ±1 in full profile (0.3 is about 20°).</summary>
    public double MaxYaw { get; init; } = 0.3;

    /// <summary>Largest angle of the line through the eyes, in degrees.</summary>
    public double MaxRollDegrees { get; init; } = 12;

    /// <summary>Accepted range of the pitch ratio: where the nose tip lies between the eyes (0) and the chin (1).</summary>
    public double MinPitch { get; init; } = 0.28;

    public double MaxPitch { get; init; } = 0.62;

    /// <summary>
    /// Smallest variance of the Laplacian of the 150 × 150 grey face the network reads. On the sample faces: 31 to 550 as
    /// photographed, 3 to 10 after a Gaussian blur of 3 px (at about 220 px a face), which also halves how often the
    /// detector still finds the face; a blur of 1.5 px (10 to 87) barely moves the descriptor and is let through.
    /// </summary>
    public double MinSharpness { get; init; } = 20;

    /// <summary>Another face at least this fraction of the main face's width means a second person in the photo.</summary>
    public double OtherFaceRatio { get; init; } = 0.5;
}
