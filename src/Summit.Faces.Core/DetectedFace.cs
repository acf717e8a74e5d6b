namespace Summit.Faces.Core;

/// <summary>A face the detector found: its confidence (0-1) and its box in image pixels.</summary>
public sealed record DetectedFace(double Score, FaceBox Box);
