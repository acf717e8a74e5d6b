using SkiaSharp;

namespace Summit.BrowserTests;

/// <summary>Images made on the fly, so the tests need no binary files.</summary>
public static class TestImages
{
    /// <summary>A synthetic portrait: a head and shoulders on a light background.</summary>
    public static byte[] Portrait()
    {
        using var bitmap = new SKBitmap(480, 600);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(220, 230, 240));
            using var paint = new SKPaint { Color = new SKColor(60, 90, 140), IsAntialias = true };
            canvas.DrawCircle(240, 230, 120, paint);
            canvas.DrawOval(240, 560, 200, 140, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
