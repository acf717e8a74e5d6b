using Summit.Faces.Core;

namespace Summit.Server.Faces.Engine;

/// <summary>
/// What the module asks of the face engine. Tests replace it to prove that nothing is computed for a guest without consent.
/// </summary>
public interface IFaceAnalyzer
{
    /// <summary>The enrolment quality check of a portrait: the largest face, its measures and every issue found.</summary>
    FaceQualityReport CheckEnrolment(FaceImage image);

    /// <summary>The largest face of a gate frame, or null when none is found.</summary>
    FaceAnalysis? LargestFace(FaceImage image);

    /// <summary>Every face found in a picture, in the engine's order: the demo cuts one guest's portrait out of a group photo with it.</summary>
    IReadOnlyList<FaceAnalysis> Faces(FaceImage image);
}
