using SkiaSharp;
using Summit.Faces.Core;
using Summit.Faces.Core.Tests;

namespace Summit.Tests.Faces;

/// <summary>
/// Real faces for the server's face tests: crops of the npm package's sample photos (fetched with npm, never committed; the same
/// fixture as the engine's tests), and the test process's one face engine, shared by every test server so that it loads once.
/// </summary>
public static class FaceSamples
{
    private static readonly Lazy<FaceEngine> SharedEngine = new(() => FaceEngine.Load(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static FaceEngine Engine => SharedEngine.Value;

    /// <summary>sample6.jpg's third face: frontal, level and sharp, accepted by the quality check (FaceQualityTests).</summary>
    public static byte[] Portrait() => Crop("sample6.jpg", 2, 2.2);

    /// <summary>The whole of sample6.jpg: several faces, refused for enrolment.</summary>
    public static byte[] GroupPhoto() => File.ReadAllBytes(Path.Combine(FaceApiPackage.Directory, "demo", "sample6.jpg"));

    /// <summary>
    /// The region around one face of a sample photo as a JPEG, as a camera or a desk photo would give it; <paramref name="mirror"/> flips it
    /// left to right (for a face turned to one side: the same head turned the other way, FaceLivenessTests).
    /// </summary>
    public static byte[] Crop(string photo, int face, double factor, int quality = 92, bool mirror = false)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FaceApiPackage.Directory, "demo", photo));
        var image = FaceImage.Decode(bytes);
        var faces = Engine.Analyze(image).OrderBy(f => f.Detection.Box.X).ToList();
        using var source = SKImage.FromEncodedData(bytes);
        // The sample photos carry no EXIF turn: the engine's pixels and SkiaSharp's are the same picture.
        Assert.Equal((image.Width, image.Height), (source.Width, source.Height));
        var region = FaceRegions.AroundFace(faces[face].AlignedBox, factor, image.Width, image.Height);
        using var cropped = source.Subset(region);
        if (!mirror)
        {
            using var data = cropped.Encode(SKEncodedImageFormat.Jpeg, quality);
            return data.ToArray();
        }

        using var surface = SKSurface.Create(new SKImageInfo(cropped.Width, cropped.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        surface.Canvas.SetMatrix(SKMatrix.CreateScale(-1, 1, cropped.Width / 2f, 0));
        surface.Canvas.DrawImage(cropped, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        using var snapshot = surface.Snapshot();
        using var mirrored = snapshot.Encode(SKEncodedImageFormat.Jpeg, quality);
        return mirrored.ToArray();
    }

    /// <summary>Every face of the six sample photos as a crop, with its place: the impostors of a test.</summary>
    public static IEnumerable<(string Photo, int Face)> AllFaces()
    {
        for (var i = 1; i <= 6; i++)
        {
            var name = $"sample{i}.jpg";
            var count = Engine.Analyze(FaceImage.Decode(File.ReadAllBytes(Path.Combine(FaceApiPackage.Directory, "demo", name)))).Count;
            for (var face = 0; face < count; face++)
            {
                yield return (name, face);
            }
        }
    }
}
