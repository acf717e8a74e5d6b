using System.Text;
using QRCoder;

namespace Summit.BrowserTests;

/// <summary>
/// A camera for Chromium's fake capture device that films a badge's QR code: one still frame in Y4M (4:2:0), which Chromium
/// loops. The browser reads it as it would read a phone held up to a tablet.
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
        using (var file = File.Create(path))
        {
            file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F10:1 Ip A1:1 C420jpeg\nFRAME\n"));
            file.Write(luma);
            file.Write(chroma);
            file.Write(chroma);
        }

        return ["--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={path}", "--use-fake-ui-for-media-stream"];
    }
}
