namespace Summit.Faces.Core;

/// <summary>Bounds on what <see cref="FaceImage.Decode"/> accepts, checked before any pixel is decoded.</summary>
public sealed record FaceImageLimits(int MaxBytes = 10 * 1024 * 1024, long MaxPixels = 40_000_000)
{
    public static FaceImageLimits Default { get; } = new();
}
