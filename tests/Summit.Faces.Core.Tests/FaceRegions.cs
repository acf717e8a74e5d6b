using SkiaSharp;

namespace Summit.Faces.Core.Tests;

/// <summary>
/// The square cut around a face of a sample photo, as the face tests of every project cut their portraits and camera frames (linked into
/// Summit.Tests, Summit.GateAgent.Tests Summit.BrowserTests and the benchmarks).
/// </summary>
public static class FaceRegions
{
    /// <summary>The region around a face: its dlib-aligned box grown by <paramref name="factor"/> about its centre, inside the image.</summary>
    public static SKRectI AroundFace(FaceBox aligned, double factor, int width, int height)
    {
        double centreX = aligned.X + (aligned.Width / 2), centreY = aligned.Y + (aligned.Height / 2), half = aligned.Width * factor / 2;
        return new SKRectI(
            Math.Max(0, (int)(centreX - half)), Math.Max(0, (int)(centreY - half)),
            Math.Min(width, (int)(centreX + half)), Math.Min(height, (int)(centreY + half)));
    }
}
