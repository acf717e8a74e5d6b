using SkiaSharp;

namespace Summit.Faces.Core;

/// <summary>
/// An image as 8-bit RGB, row by row, upright: what the face networks read. Made from a JPEG or PNG (a portal photo, an
/// accreditation desk photo) or from raw camera pixels. Immutable, so one image can be read by several threads.
/// </summary>
public sealed class FaceImage
{
    private FaceImage(byte[] rgb, int width, int height)
    {
        Rgb = rgb;
        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Width × height × 3 bytes, red, green, blue.</summary>
    internal byte[] Rgb { get; }

    /// <summary>
    /// Decodes a JPEG or PNG (SkiaSharp, the image library Summit already uses for photos) and turns it upright as its EXIF
    /// orientation says. The size and pixel count are checked before decoding, so a small file that claims a huge canvas
    /// is refused without using its memory; a truncated or damaged file is refused rather than half decoded.
    /// Transparent PNG pixels become black.
    /// </summary>
    /// <exception cref="FaceImageException">With <see cref="FaceIssue.ImageUnreadable"/> or <see cref="FaceIssue.ImageTooLarge"/>.</exception>
    public static FaceImage Decode(ReadOnlySpan<byte> encoded, FaceImageLimits? limits = null)
    {
        limits ??= FaceImageLimits.Default;
        if (encoded.Length > limits.MaxBytes)
        {
            throw new FaceImageException(FaceIssue.ImageTooLarge, $"{encoded.Length} bytes, at most {limits.MaxBytes}");
        }

        if (!IsJpeg(encoded) && !IsPng(encoded))
        {
            throw new FaceImageException(FaceIssue.ImageUnreadable, "neither JPEG nor PNG");
        }

        using var data = SKData.CreateCopy(encoded);
        using var codec = SKCodec.Create(data) ?? throw new FaceImageException(FaceIssue.ImageUnreadable, "no image in the data");
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png))
        {
            throw new FaceImageException(FaceIssue.ImageUnreadable, $"format {codec.EncodedFormat}");
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            throw new FaceImageException(FaceIssue.ImageUnreadable, "empty image");
        }

        if ((long)info.Width * info.Height > limits.MaxPixels)
        {
            throw new FaceImageException(FaceIssue.ImageTooLarge, $"{info.Width} × {info.Height} pixels, at most {limits.MaxPixels}");
        }

        using var bitmap = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (codec.GetPixels(bitmap.Info, bitmap.GetPixels()) != SKCodecResult.Success)
        {
            throw new FaceImageException(FaceIssue.ImageUnreadable, "the image data is incomplete or damaged");
        }

        var rgba = bitmap.GetPixelSpan();
        var rgb = new byte[info.Width * info.Height * 3];
        for (int source = 0, target = 0; target < rgb.Length; source += 4, target += 3)
        {
            rgb[target] = rgba[source];
            rgb[target + 1] = rgba[source + 1];
            rgb[target + 2] = rgba[source + 2];
        }

        return Orient(rgb, info.Width, info.Height, codec.EncodedOrigin);
    }

    /// <summary>Raw 8-bit RGB pixels, row by row (a camera frame); the bytes are copied.</summary>
    public static FaceImage FromRgb(ReadOnlySpan<byte> rgb, int width, int height)
    {
        if (width <= 0 || height <= 0 || (long)width * height > FaceImageLimits.Default.MaxPixels)
        {
            throw new FaceImageException(FaceIssue.ImageTooLarge, $"{width} × {height} pixels");
        }

        if (rgb.Length != width * height * 3)
        {
            throw new ArgumentException($"{rgb.Length} bytes for {width} × {height} RGB pixels", nameof(rgb));
        }

        return new FaceImage(rgb.ToArray(), width, height);
    }

    /// <summary>Red, green, blue of one pixel (for tests and quality checks).</summary>
    public (byte R, byte G, byte B) Pixel(int x, int y)
    {
        var offset = ((y * Width) + x) * 3;
        return (Rgb[offset], Rgb[offset + 1], Rgb[offset + 2]);
    }

    private static bool IsJpeg(ReadOnlySpan<byte> bytes) => bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;

    private static bool IsPng(ReadOnlySpan<byte> bytes) =>
        bytes.Length > 8 && bytes[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    /// <summary>Applies an EXIF orientation: the stored pixel at (x, y) goes where the viewer sees it.</summary>
    private static FaceImage Orient(byte[] rgb, int width, int height, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return new FaceImage(rgb, width, height);
        }

        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (outWidth, outHeight) = swap ? (height, width) : (width, height);
        var result = new byte[rgb.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (u, v) = origin switch
                {
                    SKEncodedOrigin.TopRight => (width - 1 - x, y),
                    SKEncodedOrigin.BottomRight => (width - 1 - x, height - 1 - y),
                    SKEncodedOrigin.BottomLeft => (x, height - 1 - y),
                    SKEncodedOrigin.LeftTop => (y, x),
                    SKEncodedOrigin.RightTop => (height - 1 - y, x),
                    SKEncodedOrigin.RightBottom => (height - 1 - y, width - 1 - x),
                    SKEncodedOrigin.LeftBottom => (y, width - 1 - x),
                    _ => (x, y),
                };
                Array.Copy(rgb, ((y * width) + x) * 3, result, ((v * outWidth) + u) * 3, 3);
            }
        }

        return new FaceImage(result, outWidth, outHeight);
    }
}
