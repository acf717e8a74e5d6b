using SkiaSharp;

namespace Summit.Tests.Infrastructure;

/// <summary>Real images made on the fly, so photo tests need no binary files in the repository.</summary>
public static class TestImages
{
    public static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    public static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png);

    /// <inheritdoc cref="PngFiles.Flat"/>
    public static byte[] LargePng(int width, int height) => PngFiles.Flat(width, height);

    /// <inheritdoc cref="PngFiles.Claiming"/>
    public static byte[] PngClaiming(int width, int height) => PngFiles.Claiming(width, height);

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(30, 90, 160));
            using var paint = new SKPaint { Color = SKColors.Orange };
            canvas.DrawCircle(width / 2f, height / 2.5f, Math.Min(width, height) / 4f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
