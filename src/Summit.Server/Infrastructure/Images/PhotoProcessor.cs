using SkiaSharp;

namespace Summit.Server.Infrastructure.Images;

/// <summary>
/// Accepts an uploaded photo (a guest's, or one of an incident) only if its content is a real JPEG or PNG within the limits, then
/// re-encodes it as a fresh JPEG. Re-encoding drops every metadata block (EXIF location, camera serials) and any payload hidden
/// after the image data. The cost of a photo is bounded before it is decoded: the pixel count is read from the header, and a JPEG
/// is decoded straight at the reduced size it is stored at.
/// </summary>
public static class PhotoProcessor
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>
    /// A 24-megapixel camera's 6000 x 4000, more than a photo of 5 MB holds in practice. A PNG decodes at full size (about 100 MB
    /// at the limit, 4 bytes a pixel); a 40-megapixel one took 10-13 s of CPU and 450 MB before this limit (docs/benchmarks.md).
    /// </summary>
    public const long MaxPixels = 24_000_000;
    public const int MinSide = 200;
    public const int StoredLongSide = 1200;

    public static ProcessedPhoto Process(ReadOnlySpan<byte> upload)
    {
        if (upload.Length > MaxBytes)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.PhotoTooLarge, MaxBytes / (1024 * 1024)));
        }

        if (!IsJpeg(upload) && !IsPng(upload))
        {
            throw new SummitException(SummitError.Of(ErrorCodes.PhotoType));
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data) ?? throw new SummitException(SummitError.Of(ErrorCodes.PhotoCorrupt));
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png))
        {
            throw new SummitException(SummitError.Of(ErrorCodes.PhotoType));
        }

        var info = codec.Info;
        // Checked before decoding, so a small file that claims a huge canvas cannot exhaust memory or time.
        if ((long)info.Width * info.Height > MaxPixels)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.PhotoPixels, MaxPixels / 1_000_000));
        }

        if (Math.Min(info.Width, info.Height) < MinSide)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.PhotoTooSmall, MinSide));
        }

        var size = DecodedSize(codec);
        using var decoded = new SKBitmap(info.WithSize(size.Width, size.Height).WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        // A file cut short (an interrupted upload) decodes only in part, and a half-grey face is no photo for a badge.
        if (result != SKCodecResult.Success)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.PhotoCorrupt));
        }

        // Resized first and turned upright after: rotating the small image costs a fraction of rotating the decoded one.
        var scale = Math.Min(1.0, (double)StoredLongSide / Math.Max(decoded.Width, decoded.Height));
        var width = Math.Max(1, (int)Math.Round(decoded.Width * scale));
        var height = Math.Max(1, (int)Math.Round(decoded.Height * scale));
        using var resized = scale < 1.0 ? decoded.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell)) : null;
        using var oriented = ApplyOrientation(resized ?? decoded, codec.EncodedOrigin);
        var upright = oriented ?? resized ?? decoded;
        using var flattened = new SKBitmap(new SKImageInfo(upright.Width, upright.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(flattened))
        {
            // PNG transparency becomes white, as on a printed badge.
            canvas.Clear(SKColors.White);
            using var image = SKImage.FromBitmap(upright);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        }

        using var encoded = SKImage.FromBitmap(flattened);
        using var jpeg = encoded.Encode(SKEncodedImageFormat.Jpeg, 88);
        return new ProcessedPhoto(jpeg.ToArray(), flattened.Width, flattened.Height);
    }

    public static bool IsJpeg(ReadOnlySpan<byte> bytes) => bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;

    public static bool IsPng(ReadOnlySpan<byte> bytes) =>
        bytes.Length > 8 && bytes[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    /// <summary>
    /// The smallest size the codec can decode to whose long side still covers <see cref="StoredLongSide"/>. JPEG decoders scale by
    /// eighths while decoding (a 24-megapixel photo decodes as 1.5 megapixels); PNG has no such step and decodes at full size.
    /// </summary>
    private static SKSizeI DecodedSize(SKCodec codec)
    {
        var full = codec.Info.Size;
        var best = full;
        for (var eighths = 7; eighths >= 1; eighths--)
        {
            var size = codec.GetScaledDimensions(eighths / 8f);
            if (Math.Max(size.Width, size.Height) < Math.Min(StoredLongSide, Math.Max(full.Width, full.Height)))
            {
                break;
            }

            if ((long)size.Width * size.Height < (long)best.Width * best.Height)
            {
                best = size;
            }
        }

        return best;
    }

    /// <summary>The bitmap turned as its EXIF orientation says, or null when it is upright already.</summary>
    private static SKBitmap? ApplyOrientation(SKBitmap source, SKEncodedOrigin origin)
    {
        var (rotate, swap) = origin switch
        {
            SKEncodedOrigin.BottomRight => (180f, false),
            SKEncodedOrigin.RightTop => (90f, true),
            SKEncodedOrigin.LeftBottom => (270f, true),
            _ => (0f, false),
        };
        if (rotate == 0f)
        {
            return null;
        }

        var rotated = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using var canvas = new SKCanvas(rotated);
        canvas.Translate(rotated.Width / 2f, rotated.Height / 2f);
        canvas.RotateDegrees(rotate);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return rotated;
    }
}
