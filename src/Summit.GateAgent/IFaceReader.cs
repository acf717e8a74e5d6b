using Summit.Faces.Core;

namespace Summit.GateAgent;

/// <summary>
/// What the agent asks of the face engine: the largest face of a frame, or every face of one (for the liveness check of a burst). Tests
/// count the calls (nothing computed without consent).
/// </summary>
public interface IFaceReader
{
    /// <summary>The largest face's descriptor, or null when the frame shows none or is not a readable image.</summary>
    FaceDescriptor? LargestFace(byte[] frame);

    /// <summary>Every face of the frame (landmarks and descriptors); empty when it shows none or is not a readable image.</summary>
    IReadOnlyList<FaceAnalysis> Faces(byte[] frame);
}
