namespace Summit.Faces.Core.Tests;

/// <summary>
/// A same-person variant of a photo made by code: the region around one face, scaled, rotated, made darker or brighter,
/// blurred, and saved as a JPEG of the given quality. The only same-person pairs we can get without photos of our own.
/// For the liveness measurements (a printed photo held to the camera) also moved sideways or up (<paramref name="ShiftX"/>,
/// <paramref name="ShiftY"/>: fractions of the picture's width and height) and seen in perspective, as a flat picture turned about
/// its vertical axis (<paramref name="TurnDegrees"/>) or its horizontal axis (<paramref name="NodDegrees"/>) in front of a camera
/// <paramref name="CameraDistance"/> picture widths away; <paramref name="Mirror"/> flips it left to right (the same head turned the
/// other way, for a face that is not frontal).
/// </summary>
public sealed record FaceVariant(
    string Name, double Scale = 1, int JpegQuality = 95, float Brightness = 1, float RotationDegrees = 0, float BlurSigma = 0,
    double ShiftX = 0, double ShiftY = 0, double TurnDegrees = 0, double NodDegrees = 0, double CameraDistance = 1, bool Mirror = false);
