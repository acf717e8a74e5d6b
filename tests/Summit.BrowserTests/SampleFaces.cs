using SkiaSharp;
using Summit.Faces.Core;
using Summit.Faces.Core.Tests;

namespace Summit.BrowserTests;

/// <summary>
/// Real faces for the gate console's fake camera: crops of the npm package's sample photos (fetched with npm, never committed; the same
/// fixture as the engine's and the server's face tests), found with the face engine in this process.
/// </summary>
public static class SampleFaces
{
    /// <summary>The holder: sample6.jpg's third face from the left, frontal, level and sharp, as the server's face tests enrol it.</summary>
    private const string HolderPhoto = "sample6.jpg";
    private const int HolderFace = 2;

    private static readonly Lazy<FaceEngine> Engine = new(() => FaceEngine.Load(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The holder's portrait, uploaded in the portal and enrolled from there.</summary>
    public static byte[] HolderPortrait() => Crop(HolderPhoto, HolderFace, 2.2);

    /// <summary>The holder at the lane, as its camera frames them: 640 x 480, two and a half faces wide.</summary>
    public static byte[] HolderAtTheLane()
    {
        var holder = Holder();
        var frame = LaneFrame(HolderPhoto, HolderFace, 2.5);
        return Clearly(frame) is { } seen && seen.Descriptor.DistanceTo(holder.Descriptor) < 0.3
            ? frame
            : throw new InvalidOperationException("The engine does not find the holder clearly in the lane's frame.");
    }

    /// <summary>Another person at the lane, far from the holder by the engine's own measure: who comes with a lent badge.</summary>
    public static byte[] SomeoneElse()
    {
        var holder = Holder();
        for (var photo = 1; photo <= 6; photo++)
        {
            var name = $"sample{photo}.jpg";
            var count = Faces(name).Count;
            for (var face = 0; face < count; face++)
            {
                foreach (var factor in (double[])[2.5, 3.0])
                {
                    var frame = LaneFrame(name, face, factor);
                    // Far beyond any threshold the event may set (0.70 at most): the refusal cannot depend on the settings of the day.
                    if ((name, face) != (HolderPhoto, HolderFace) && Clearly(frame) is { } other && other.Descriptor.DistanceTo(holder.Descriptor) > 0.75)
                    {
                        return frame;
                    }
                }
            }
        }

        throw new InvalidOperationException("No sample face lies far enough from the holder's to stand for another person.");
    }

    private static FaceAnalysis Holder() =>
        LargestFace(HolderPortrait()) ?? throw new InvalidOperationException("The engine finds no face in the holder's portrait.");

    /// <summary>
    /// The largest face, if the detector is sure of it: the browser's camera pipeline (to 4:2:0 and back, then JPEG) changes the pixels a
    /// little, and the detector's score with them, so a face found only just here might be missed at the server.
    /// </summary>
    private static FaceAnalysis? Clearly(byte[] frame) => LargestFace(frame) is { Detection.Score: >= 0.8 } face ? face : null;

    /// <summary>
    /// A 640 x 480 picture centred on one face of a sample photo, <paramref name="factor"/> times the face's width across, as a lane camera
    /// frames a person.
    /// </summary>
    private static byte[] LaneFrame(string photo, int face, double factor)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FaceApiPackage.Directory, "demo", photo));
        var box = Faces(photo)[face].AlignedBox;
        using var source = SKImage.FromEncodedData(bytes);
        var width = Math.Min(box.Width * factor, Math.Min(source.Width, source.Height * 4.0 / 3));
        var height = width * 3 / 4;
        var left = Math.Clamp(box.X + (box.Width / 2) - (width / 2), 0, source.Width - width);
        var top = Math.Clamp(box.Y + (box.Height / 2) - (height / 2), 0, source.Height - height);
        using var frame = new SKBitmap(640, 480);
        using (var canvas = new SKCanvas(frame))
        {
            canvas.DrawImage(source, SKRect.Create((float)left, (float)top, (float)width, (float)height), SKRect.Create(640, 480),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        using var image = SKImage.FromBitmap(frame);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 92);
        return data.ToArray();
    }

    private static IReadOnlyList<FaceAnalysis> Faces(string photo) =>
        [.. Engine.Value.Analyze(FaceImage.Decode(File.ReadAllBytes(Path.Combine(FaceApiPackage.Directory, "demo", photo)))).OrderBy(f => f.Detection.Box.X)];

    private static FaceAnalysis? LargestFace(byte[] picture) =>
        Engine.Value.Analyze(FaceImage.Decode(picture)).OrderByDescending(f => f.AlignedBox.Width * f.AlignedBox.Height).FirstOrDefault();

    /// <summary>The square around one face of a sample photo (<paramref name="factor"/> times the face's width) as a JPEG.</summary>
    private static byte[] Crop(string photo, int face, double factor)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FaceApiPackage.Directory, "demo", photo));
        var box = Faces(photo)[face].AlignedBox;
        using var source = SKImage.FromEncodedData(bytes);
        var region = FaceRegions.AroundFace(box, factor, source.Width, source.Height);
        using var cropped = source.Subset(region);
        using var data = cropped.Encode(SKEncodedImageFormat.Jpeg, 92);
        return data.ToArray();
    }
}
