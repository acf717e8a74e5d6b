using SkiaSharp;

namespace Summit.Server.Guests.Photos;

public sealed record ProcessedPhoto(byte[] Jpeg, int Width, int Height);

/// <summary>
/// Accepts a guest photo only if its content is a real JPEG or PNG within the limits, then re-encodes it
/// as a fresh JPEG. Re-encoding drops every metadata block (EXIF location, camera serials) and any payload
/// hidden after the image data.
/// </summary>
public static class PhotoProcessor
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const long MaxPixels = 40_000_000;
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
        // Checked before decoding, so a small file that claims a huge canvas cannot exhaust memory.
        if ((long)info.Width * info.Height > MaxPixels)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.PhotoPixels, MaxPixels / 1_000_000));
        }

        if (Math.Min(info.Width, info.Height) < MinSide)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.PhotoTooSmall, MinSide));
        }

        using var decoded = new SKBitmap(info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul));
        var result = codec.GetPixels(decoded.Info, decoded.GetPixels());
        // A file cut short (an interrupted upload) decodes only in part, and a half-grey face is no photo for a badge.
        if (result != SKCodecResult.Success)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.PhotoCorrupt));
        }

        using var oriented = ApplyOrientation(decoded, codec.EncodedOrigin);
        var scale = Math.Min(1.0, (double)StoredLongSide / Math.Max(oriented.Width, oriented.Height));
        var width = Math.Max(1, (int)Math.Round(oriented.Width * scale));
        var height = Math.Max(1, (int)Math.Round(oriented.Height * scale));
        using var resized = scale < 1.0 ? oriented.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell)) : oriented.Copy();
        using var flattened = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(flattened))
        {
            // PNG transparency becomes white, as on a printed badge.
            canvas.Clear(SKColors.White);
            canvas.DrawImage(SKImage.FromBitmap(resized), 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        }

        using var image = SKImage.FromBitmap(flattened);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 88);
        return new ProcessedPhoto(jpeg.ToArray(), width, height);
    }

    public static bool IsJpeg(ReadOnlySpan<byte> bytes) => bytes.Length > 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;

    public static bool IsPng(ReadOnlySpan<byte> bytes) =>
        bytes.Length > 8 && bytes[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    private static SKBitmap ApplyOrientation(SKBitmap source, SKEncodedOrigin origin)
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
            return source.Copy();
        }

        var rotated = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using var canvas = new SKCanvas(rotated);
        canvas.Translate(rotated.Width / 2f, rotated.Height / 2f);
        canvas.RotateDegrees(rotate);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        canvas.DrawImage(SKImage.FromBitmap(source), 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return rotated;
    }
}
