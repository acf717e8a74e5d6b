using SkiaSharp;

namespace Summit.Faces.Core.Tests;

/// <summary>Makes <see cref="FaceVariant"/>s and finds the face of the original in them.</summary>
public static class FaceVariants
{
    /// <summary>The variants the accuracy figures are measured on (docs/benchmarks.md, "Faces: accuracy").</summary>
    public static IReadOnlyList<FaceVariant> Accuracy { get; } =
    [
        new("re-encoded (JPEG 95)"),
        new("scaled to 50 %", Scale: 0.5),
        new("scaled to 35 %", Scale: 0.35),
        new("JPEG quality 30", JpegQuality: 30),
        new("JPEG quality 10", JpegQuality: 10),
        new("darker (60 %)", Brightness: 0.6f),
        new("brighter (140 %)", Brightness: 1.4f),
        new("rotated 5°", RotationDegrees: 5),
        new("rotated -10°", RotationDegrees: -10),
        new("slightly blurred", BlurSigma: 1.5f),
        new("all at once", Scale: 0.6, JpegQuality: 50, Brightness: 0.75f, RotationDegrees: 6, BlurSigma: 1),
    ];

    /// <summary>The image as SkiaSharp draws it (opaque RGBA).</summary>
    public static SKImage ToSkImage(FaceImage image)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        var rgb = image.Rgb;
        for (int source = 0, target = 0; source < rgb.Length; source += 3, target += 4)
        {
            pixels[target] = rgb[source];
            pixels[target + 1] = rgb[source + 1];
            pixels[target + 2] = rgb[source + 2];
            pixels[target + 3] = 255;
        }

        return SKImage.FromBitmap(bitmap);
    }

    /// <summary>The variant of <paramref name="region"/>, and where a point of the source lands in it.</summary>
    public static (FaceImage Image, SKMatrix Transform) Make(SKImage source, SKRectI region, FaceVariant variant)
    {
        var width = Math.Max(1, (int)Math.Round(region.Width * variant.Scale));
        var height = Math.Max(1, (int)Math.Round(region.Height * variant.Scale));
        // Source pixels → the region's corner at the origin → scaled → rotated about the centre of the result.
        var transform = SKMatrix.CreateTranslation(-region.Left, -region.Top)
            .PostConcat(SKMatrix.CreateScale((float)variant.Scale, (float)variant.Scale))
            .PostConcat(SKMatrix.CreateRotationDegrees(variant.RotationDegrees, width / 2f, height / 2f))
            .PostConcat(variant.Mirror ? SKMatrix.CreateScale(-1, 1, width / 2f, 0) : SKMatrix.Identity)
            .PostConcat(Perspective(variant, width, height))
            .PostConcat(SKMatrix.CreateTranslation((float)(variant.ShiftX * width), (float)(variant.ShiftY * height)));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.Gray);
        canvas.SetMatrix(transform);
        float b = variant.Brightness;
        using var paint = new SKPaint
        {
            ColorFilter = SKColorFilter.CreateColorMatrix([b, 0, 0, 0, 0, 0, b, 0, 0, 0, 0, 0, b, 0, 0, 0, 0, 0, 1, 0]),
            ImageFilter = variant.BlurSigma > 0 ? SKImageFilter.CreateBlur(variant.BlurSigma, variant.BlurSigma) : null,
        };
        canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
        using var snapshot = surface.Snapshot();
        using var jpeg = snapshot.Encode(SKEncodedImageFormat.Jpeg, variant.JpegQuality);
        return (FaceImage.Decode(jpeg.AsSpan()), transform);
    }

    /// <summary>
    /// A flat picture turned by <see cref="FaceVariant.TurnDegrees"/> about the vertical line through the centre, then by
    /// <see cref="FaceVariant.NodDegrees"/> about the horizontal one, seen by a pinhole camera <see cref="FaceVariant.CameraDistance"/>
    /// picture widths in front of it whose focal length keeps the centre's scale: x' = x cos θ / (1 + x sin θ / d), y' = y / (1 + x sin θ / d).
    /// </summary>
    private static SKMatrix Perspective(FaceVariant variant, int width, int height)
    {
        if (variant.TurnDegrees == 0 && variant.NodDegrees == 0)
        {
            return SKMatrix.Identity;
        }

        var distance = variant.CameraDistance * width;
        double turn = variant.TurnDegrees * Math.PI / 180, nod = variant.NodDegrees * Math.PI / 180;
        var turned = new SKMatrix((float)Math.Cos(turn), 0, 0, 0, 1, 0, (float)(Math.Sin(turn) / distance), 0, 1);
        var nodded = new SKMatrix(1, 0, 0, 0, (float)Math.Cos(nod), 0, 0, (float)(Math.Sin(nod) / distance), 1);
        return SKMatrix.CreateTranslation(-width / 2f, -height / 2f)
            .PostConcat(turned)
            .PostConcat(nodded)
            .PostConcat(SKMatrix.CreateTranslation(width / 2f, height / 2f));
    }

    /// <summary>
    /// The face of the variant that is the original face moved: its box overlaps where the original's box went by more than
    /// half (intersection over union), so that a neighbour in a group photo is never taken for it.
    /// </summary>
    public static FaceAnalysis? FindMoved(IReadOnlyList<FaceAnalysis> found, FaceAnalysis original, SKMatrix transform)
    {
        var box = original.Detection.Box;
        var moved = transform.MapRect(new SKRect((float)box.X, (float)box.Y, (float)box.Right, (float)box.Bottom));
        var best = found.MaxBy(face => Overlap(face.Detection.Box, moved));
        return best is not null && Overlap(best.Detection.Box, moved) > 0.5 ? best : null;
    }

    private static double Overlap(FaceBox box, SKRect other)
    {
        var mine = new SKRect((float)box.X, (float)box.Y, (float)box.Right, (float)box.Bottom);
        var intersection = SKRect.Intersect(mine, other);
        var shared = intersection.IsEmpty ? 0 : (double)intersection.Width * intersection.Height;
        return shared / (((double)mine.Width * mine.Height) + ((double)other.Width * other.Height) - shared);
    }
}
