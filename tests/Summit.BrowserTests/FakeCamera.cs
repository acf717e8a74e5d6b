using System.Text;
using QRCoder;
using SkiaSharp;

namespace Summit.BrowserTests;

/// <summary>
/// A camera for Chromium's fake capture device: one still frame in Y4M (4:2:0), which Chromium loops. It films a badge's QR code,
/// which the browser reads as it would read a phone held up to a tablet, or a picture (a face at the lane).
/// </summary>
public static class FakeCamera
{
    private const int Width = 640;
    private const int Height = 480;

    /// <summary>Writes the film of the code to a file and answers the Chromium switches that play it as the camera.</summary>
    public static string[] Filming(string text, string path)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = modules.Count;
        var scale = (Height - 40) / size;
        var left = (Width - (size * scale)) / 2;
        var top = (Height - (size * scale)) / 2;

        var luma = new byte[Width * Height];
        Array.Fill(luma, (byte)235);
        for (var y = 0; y < size * scale; y++)
        {
            for (var x = 0; x < size * scale; x++)
            {
                if (modules[y / scale][x / scale])
                {
                    luma[((top + y) * Width) + left + x] = 16;
                }
            }
        }

        var chroma = new byte[Width / 2 * (Height / 2)];
        Array.Fill(chroma, (byte)128);
        return Write(path, luma, chroma, chroma);
    }

    /// <summary>Writes a film of the picture, scaled to fill the frame's height and centred on grey, and answers the switches that play it.</summary>
    public static string[] Filming(byte[] picture, string path)
    {
        using var source = SKBitmap.Decode(picture) ?? throw new ArgumentException("Not an image.", nameof(picture));
        using var frame = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(frame))
        {
            canvas.Clear(new SKColor(128, 128, 128));
            var scale = Math.Min((float)Width / source.Width, (float)Height / source.Height);
            var (width, height) = (source.Width * scale, source.Height * scale);
            using var image = SKImage.FromBitmap(source);
            canvas.DrawImage(image, SKRect.Create((Width - width) / 2, (Height - height) / 2, width, height),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        // BT.601 studio range, what Chromium assumes for a Y4M file; chroma is the mean of each 2 x 2 block.
        var pixels = frame.Bytes;
        var luma = new byte[Width * Height];
        var blue = new byte[Width / 2 * (Height / 2)];
        var red = new byte[blue.Length];
        for (var y = 0; y < Height; y += 2)
        {
            for (var x = 0; x < Width; x += 2)
            {
                double sumBlue = 0, sumRed = 0;
                foreach (var (dx, dy) in new[] { (0, 0), (1, 0), (0, 1), (1, 1) })
                {
                    var at = (((y + dy) * Width) + x + dx) * 4;
                    double r = pixels[at], g = pixels[at + 1], b = pixels[at + 2];
                    luma[((y + dy) * Width) + x + dx] = Clamp(16 + (((65.481 * r) + (128.553 * g) + (24.966 * b)) / 255));
                    sumBlue += 128 + (((-37.797 * r) - (74.203 * g) + (112.0 * b)) / 255);
                    sumRed += 128 + (((112.0 * r) - (93.786 * g) - (18.214 * b)) / 255);
                }

                blue[((y / 2) * (Width / 2)) + (x / 2)] = Clamp(sumBlue / 4);
                red[((y / 2) * (Width / 2)) + (x / 2)] = Clamp(sumRed / 4);
            }
        }

        return Write(path, luma, blue, red);
    }

    private static string[] Write(string path, byte[] luma, byte[] blue, byte[] red)
    {
        using (var file = File.Create(path))
        {
            file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F10:1 Ip A1:1 C420jpeg\nFRAME\n"));
            file.Write(luma);
            file.Write(blue);
            file.Write(red);
        }

        return ["--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={path}", "--use-fake-ui-for-media-stream"];
    }

    private static byte Clamp(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
