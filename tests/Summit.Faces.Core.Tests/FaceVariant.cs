namespace Summit.Faces.Core.Tests;

/// <summary>
/// A same-person variant of a photo made by code: the region around one face, scaled, rotated, made darker or brighter,
/// blurred, and saved as a JPEG of the given quality. The only same-person pairs we can get without photos of our own.
/// </summary>
public sealed record FaceVariant(string Name, double Scale = 1, int JpegQuality = 95, float Brightness = 1, float RotationDegrees = 0, float BlurSigma = 0);
