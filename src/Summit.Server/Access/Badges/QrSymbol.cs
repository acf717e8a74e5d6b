using QRCoder;
using SkiaSharp;

namespace Summit.Server.Access.Badges;

/// <summary>The QR code of a credential at error correction M, as a module grid with its 4-module quiet zone.</summary>
internal sealed class QrSymbol
{
    public const int QuietZone = 4;

    private readonly bool[,] _dark;

    private QrSymbol(bool[,] dark, int version)
    {
        _dark = dark;
        Version = version;
    }

    public int Version { get; }

    /// <summary>Modules per side, quiet zone included.</summary>
    public int Size => _dark.GetLength(0);

    public static QrSymbol Encode(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var symbol = 17 + (4 * data.Version);
        // QRCoder's matrix may or may not carry its own border; take the symbol out and add exactly our quiet zone.
        var border = (data.ModuleMatrix.Count - symbol) / 2;
        var dark = new bool[symbol + (2 * QuietZone), symbol + (2 * QuietZone)];
        for (var row = 0; row < symbol; row++)
        {
            for (var column = 0; column < symbol; column++)
            {
                dark[row + QuietZone, column + QuietZone] = data.ModuleMatrix[row + border][column + border];
            }
        }
        return new QrSymbol(dark, data.Version);
    }

    /// <summary>
    /// The dark modules as one path of squares, the quiet zone's top-left at (left, top). Horizontal runs are merged and
    /// the whole symbol is one fill, so no hairline seams appear between neighbouring modules when printed or rasterized.
    /// </summary>
    public SKPath ToPath(float left, float top, float module)
    {
        using var path = new SKPathBuilder();
        for (var row = 0; row < Size; row++)
        {
            var column = 0;
            while (column < Size)
            {
                if (!_dark[row, column])
                {
                    column++;
                    continue;
                }
                var start = column;
                while (column < Size && _dark[row, column])
                {
                    column++;
                }
                path.AddRect(SKRect.Create(left + (start * module), top + (row * module), (column - start) * module, module), SKPathDirection.Clockwise);
            }
        }
        return path.Detach();
    }

    /// <summary>A square PNG of the given side: whole pixels per module (sharp edges), centred on white.</summary>
    public byte[] ToPng(int pixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pixels, Size);
        var module = pixels / Size;
        var offset = (pixels - (module * Size)) / 2;
        using var bitmap = new SKBitmap(new SKImageInfo(pixels, pixels, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var path = ToPath(offset, offset, module);
            using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false };
            canvas.DrawPath(path, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
