namespace Summit.Faces.Core;

/// <summary>One face found and described: detection, landmarks, the box the descriptor was computed on, the descriptor.</summary>
public sealed record FaceAnalysis(DetectedFace Detection, FaceLandmarks Landmarks, FaceBox AlignedBox, FaceDescriptor Descriptor);
