using SkiaSharp;
using Summit.Faces.Core;
using Summit.Faces.Core.Tests;

namespace Summit.GateAgent.Tests.Faces;

/// <summary>
/// Real faces for the agent's face tests: crops of the npm package's sample photos, fetched as the engine's and the server's tests fetch
/// them (never committed). The holder is sample6.jpg's third face (the server tests' portrait); the impostor another sample face far from it.
/// </summary>
internal static class FaceSamples
{
    private static readonly Lazy<FaceEngine> SharedEngine = new(() => FaceEngine.Load(), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<FaceDescriptor> Holder = new(() => LargestFace(Portrait())!);

    private static readonly Lazy<byte[]> ImpostorFrame = new(FindImpostor);

    public static FaceEngine Engine => SharedEngine.Value;

    /// <summary>The holder's template, as the server enrolled it from the portal portrait.</summary>
    public static FaceDescriptor HolderTemplate => Holder.Value;

    /// <summary>The enrolment portrait: sample6.jpg's third face, wide.</summary>
    public static byte[] Portrait() => Crop("sample6.jpg", 2, 2.2);

    /// <summary>The holder at the lane: a tighter crop of the same face, a lower JPEG quality (as the server's gate tests).</summary>
    public static byte[] HolderFrame() => Crop("sample6.jpg", 2, 1.8, quality: 70);

    /// <summary>Someone else's face, well beyond the threshold from the holder's template: a lent badge.</summary>
    public static byte[] Impostor() => ImpostorFrame.Value;

    public static FaceDescriptor? LargestFace(byte[] frame) =>
        Engine.Analyze(FaceImage.Decode(frame)).OrderByDescending(f => f.AlignedBox.Width * f.AlignedBox.Height).FirstOrDefault()?.Descriptor;

    /// <summary>
    /// A holder whose head can be seen turning: sample6.jpg's first face, turned a little to one side (enrolable), and its mirror image, the
    /// same head turned the other way (FaceLivenessTests in the engine's tests).
    /// </summary>
    public static FaceDescriptor TurningHolderTemplate => TurningHolder.Value;

    public static byte[] TurningHolderFrame(bool turnedTheOtherWay = false) => Crop("sample6.jpg", 0, 1.8, quality: 80, mirror: turnedTheOtherWay);

    private static readonly Lazy<FaceDescriptor> TurningHolder = new(() => LargestFace(Crop("sample6.jpg", 0, 2.2))!);

    /// <summary>The region around one face of a sample photo as a JPEG, as a camera would give it; <paramref name="mirror"/> flips it.</summary>
    public static byte[] Crop(string photo, int face, double factor, int quality = 92, bool mirror = false)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FaceApiPackage.Directory, "demo", photo));
        var image = FaceImage.Decode(bytes);
        var faces = Engine.Analyze(image).OrderBy(f => f.Detection.Box.X).ToList();
        using var source = SKImage.FromEncodedData(bytes);
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

    private static byte[] FindImpostor()
    {
        for (var i = 1; i <= 6; i++)
        {
            var name = $"sample{i}.jpg";
            var count = Engine.Analyze(FaceImage.Decode(File.ReadAllBytes(Path.Combine(FaceApiPackage.Directory, "demo", name)))).Count;
            for (var face = 0; face < count; face++)
            {
                if ((name, face) == ("sample6.jpg", 2))
                {
                    continue;
                }
                var frame = Crop(name, face, 1.8);
                if (LargestFace(frame) is { } found && found.DistanceTo(HolderTemplate) > 0.6)
                {
                    return frame;
                }
            }
        }
        throw new InvalidOperationException("No sample face lies far enough from the holder's to serve as an impostor.");
    }
}
