using System.Globalization;
using SkiaSharp;
using Summit.Server.Infrastructure.Printing;

namespace Summit.Server.Access.Badges;

/// <summary>
/// Draws printable badges: one A6 portrait page (105 × 148 mm) per badge, in one PDF, with SkiaSharp's PDF backend.
/// Text and the QR code are vectors; photos are embedded as JPEG at print resolution. The same drawing rasterizes
/// to PNG for previews. Thread-safe.
/// </summary>
public static class BadgeRenderer
{
    public const float WidthMm = 105f;
    public const float HeightMm = 148f;

    /// <summary>Side of the printed QR symbol without its quiet zone: large enough for gate scanners at arm's length.</summary>
    public const float QrSymbolMm = 38f;

    private const float PointsPerMm = 72f / 25.4f;
    private const float Margin = 8f;
    private const float HeaderHeight = 22f;
    private const float BandHeight = 22f;
    private const float PhotoTop = 27f;
    private const float PhotoWidth = 32f;
    private const float PhotoHeight = PhotoWidth * 4 / 3;
    private const float PhotoDpi = 300f;
    private const float TextWidth = WidthMm - (2 * Margin);

    private static readonly SKColor HeaderColour = SKColor.Parse("#14213D");
    private static readonly SKColor HeaderSubtitle = SKColor.Parse("#C5CEDD");
    private static readonly SKColor Ink = SKColor.Parse("#111827");
    private static readonly SKColor SecondaryInk = SKColor.Parse("#4B5563");
    private static readonly SKColor PhotoBackground = SKColor.Parse("#E5E7EB");
    private static readonly SKColor Silhouette = SKColor.Parse("#9CA3AF");
    private static readonly SKColor Hairline = SKColor.Parse("#D1D5DB");

    /// <summary>Writes the badges to the stream as one PDF, one page each, in order.</summary>
    public static void WritePdf(IEnumerable<BadgeCard> cards, Stream output)
    {
        using var pdf = new BadgePdfWriter(output);
        foreach (var card in cards)
        {
            pdf.Add(card);
        }
        if (pdf.Pages == 0)
        {
            throw new ArgumentException("No badges to print.", nameof(cards));
        }
        pdf.Close();
    }

    /// <summary>Draws one badge as the next page of a PDF document.</summary>
    internal static void AddPage(SKDocument document, BadgeCard card)
    {
        var canvas = document.BeginPage(WidthMm * PointsPerMm, HeightMm * PointsPerMm);
        canvas.Scale(PointsPerMm);
        Draw(canvas, card);
        document.EndPage();
    }

    internal static SKDocument CreatePdf(Stream output) =>
        SKDocument.CreatePdf(output, new SKDocumentPdfMetadata(PhotoDpi) { Title = "Badges", Creator = "Summit", Producer = "Summit" });

    public static byte[] RenderPdf(IEnumerable<BadgeCard> cards)
    {
        using var stream = new MemoryStream();
        WritePdf(cards, stream);
        return stream.ToArray();
    }

    /// <summary>The badge as a PNG at the given resolution (a preview; print from the PDF).</summary>
    public static byte[] RenderPng(BadgeCard card, float dpi)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dpi, 50f);
        var scale = dpi / 25.4f;
        var info = new SKImageInfo((int)MathF.Round(WidthMm * scale), (int)MathF.Round(HeightMm * scale), SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            Draw(canvas, card);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>The credential's QR code alone as a square PNG of the given side (for the guest portal and mails).</summary>
    public static byte[] QrPng(string credentialCode, int pixels) => QrSymbol.Encode(credentialCode).ToPng(pixels);

    /// <summary>Whether the installed fonts have every character of the text (a name in its original script, say).</summary>
    public static bool CanRender(string text) => PrintText.Shared.CanRender(text);

    private static void Draw(SKCanvas canvas, BadgeCard card)
    {
        var band = ParseColour(card.Category.Colour);
        var text = PrintText.Shared;
        DrawHeader(canvas, card, band, text);
        DrawPhoto(canvas, card.PhotoJpeg, SKRect.Create(Margin, PhotoTop, PhotoWidth, PhotoHeight));
        DrawQr(canvas, card.CredentialCode, WidthMm - Margin - QrSymbolMm, PhotoTop + ((PhotoHeight - QrSymbolMm) / 2));
        var bandTop = HeightMm - BandHeight;
        var zonesTop = DrawZones(canvas, card.Zones, bandTop - 3f, text);
        DrawHolder(canvas, card, PhotoTop + PhotoHeight + 4f, zonesTop - 3f, text);
        DrawBand(canvas, card.Category, band, bandTop, text);
    }

    private static void DrawHeader(SKCanvas canvas, BadgeCard card, SKColor band, PrintText text)
    {
        using var header = new SKPaint { Color = HeaderColour, IsAntialias = true };
        canvas.DrawRect(0, 0, WidthMm, HeaderHeight, header);
        // The category colour again under the header: it still shows when the lower edge sits in a pocket or a holder.
        using var accent = new SKPaint { Color = band, IsAntialias = true };
        canvas.DrawRect(0, HeaderHeight, WidthMm, 1.2f, accent);
        var bottom = text.Draw(canvas, card.EventNameZh, Margin, 5f, TextWidth, new TextStyle(5.4f, 3.6f, 1, Bold: true, SKColors.White));
        text.Draw(canvas, card.EventNameEn, Margin, bottom + 1.2f, TextWidth, new TextStyle(2.9f, 2.2f, 1, Bold: false, HeaderSubtitle));
    }

    private static void DrawPhoto(SKCanvas canvas, byte[]? jpeg, SKRect frame)
    {
        var corners = new SKRoundRect(frame, 1.5f);
        canvas.Save();
        canvas.ClipRoundRect(corners, SKClipOperation.Intersect, antialias: true);
        using var photo = jpeg is null ? null : PrintPhoto(jpeg, frame);
        if (photo is null)
        {
            DrawSilhouette(canvas, frame);
        }
        else
        {
            canvas.DrawImage(photo, frame, new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        canvas.Restore();
        using var border = new SKPaint { Color = Hairline, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.25f };
        canvas.DrawRoundRect(corners, border);
    }

    /// <summary>
    /// The photo cropped to the frame's shape and scaled to 300 dpi, as JPEG: the PDF embeds it as is, so 2,000 badges stay a
    /// file a print shop accepts. Null if the bytes are not an image (the silhouette is printed rather than failing a batch).
    /// </summary>
    private static SKImage? PrintPhoto(byte[] jpeg, SKRect frame)
    {
        var width = (int)MathF.Round(frame.Width / 25.4f * PhotoDpi);
        var height = (int)MathF.Round(frame.Height / 25.4f * PhotoDpi);
        using var source = Decode(jpeg, width, height);
        if (source is null)
        {
            return null;
        }
        // Cover the frame: scale to fill and crop the overflow, keeping the top (faces sit high in portraits).
        var scale = Math.Max((float)width / source.Width, (float)height / source.Height);
        var cropWidth = width / scale;
        var cropHeight = height / scale;
        var crop = SKRect.Create((source.Width - cropWidth) / 2, (source.Height - cropHeight) / 4, cropWidth, cropHeight);
        using var scaled = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(scaled))
        {
            using var image = SKImage.FromBitmap(source);
            canvas.DrawImage(image, crop, SKRect.Create(width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }
        using var flat = SKImage.FromBitmap(scaled);
        using var encoded = flat.Encode(SKEncodedImageFormat.Jpeg, 90);
        return SKImage.FromEncodedData(encoded);
    }

    /// <summary>Decodes at the smallest scale that still has the frame's pixels: a stored photo is 1200 px, the frame needs about 500.</summary>
    private static SKBitmap? Decode(byte[] jpeg, int width, int height)
    {
        using var data = SKData.CreateCopy(jpeg);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }
        var full = codec.Info;
        var needed = Math.Min(1f, Math.Max((float)width / full.Width, (float)height / full.Height));
        // JPEG decoders scale by eighths; the first eighth that keeps enough pixels wins.
        var size = Enumerable.Range(1, 8)
            .Select(eighths => codec.GetScaledDimensions(eighths / 8f))
            .FirstOrDefault(s => s.Width >= (full.Width * needed) - 0.5f && s.Height >= (full.Height * needed) - 0.5f, full.Size);
        var bitmap = new SKBitmap(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        if (codec.GetPixels(bitmap.Info, bitmap.GetPixels()) == SKCodecResult.Success)
        {
            return bitmap;
        }
        bitmap.Dispose();
        return null;
    }

    private static void DrawSilhouette(SKCanvas canvas, SKRect frame)
    {
        using var background = new SKPaint { Color = PhotoBackground, IsAntialias = true };
        canvas.DrawRect(frame, background);
        using var figure = new SKPaint { Color = Silhouette, IsAntialias = true };
        canvas.DrawCircle(frame.MidX, frame.Top + (frame.Height * 0.37f), frame.Width * 0.2f, figure);
        canvas.DrawOval(SKRect.Create(frame.Left + (frame.Width * 0.14f), frame.Top + (frame.Height * 0.66f), frame.Width * 0.72f, frame.Height * 0.62f), figure);
    }

    private static void DrawQr(SKCanvas canvas, string code, float left, float top)
    {
        var symbol = QrSymbol.Encode(code);
        var module = QrSymbolMm / (symbol.Size - (2 * QrSymbol.QuietZone));
        var quiet = QrSymbol.QuietZone * module;
        // The quiet zone must stay white whatever is around it: it is part of the code.
        using var white = new SKPaint { Color = SKColors.White };
        canvas.DrawRect(SKRect.Create(left - quiet, top - quiet, symbol.Size * module, symbol.Size * module), white);
        using var path = symbol.ToPath(left - quiet, top - quiet, module);
        using var dark = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawPath(path, dark);
    }

    /// <summary>The names, title, organisation and country, centred between the photo row and the zones, shrunk together if they do not fit.</summary>
    private static void DrawHolder(SKCanvas canvas, BadgeCard card, float top, float bottom, PrintText text)
    {
        var latinIsName = string.Equals(card.Name.Trim(), card.LatinName.Trim(), StringComparison.OrdinalIgnoreCase);
        var country = card.Country.NameEn == card.Country.NameZh
            ? $"{card.Country.Code} · {card.Country.NameEn}"
            : $"{card.Country.Code} · {card.Country.NameEn} · {card.Country.NameZh}";
        var blocks = new List<(string Text, TextStyle Style, float Gap)> { (card.Name, new TextStyle(10.5f, 4.5f, 2, Bold: true, Ink), 0f) };
        if (!latinIsName)
        {
            blocks.Add((card.LatinName, new TextStyle(6.5f, 3.5f, 1, Bold: true, Ink), 1.2f));
        }
        // The names are one group: the details keep a wider gap from it than from each other.
        var gap = 3f;
        if (!string.IsNullOrWhiteSpace(card.Title))
        {
            blocks.Add((card.Title, new TextStyle(3.6f, 2.8f, 2, Bold: false, SecondaryInk), gap));
            gap = 1f;
        }
        if (!string.IsNullOrWhiteSpace(card.Organisation))
        {
            blocks.Add((card.Organisation, new TextStyle(3.9f, 2.8f, 2, Bold: true, Ink), gap));
            gap = 1f;
        }
        blocks.Add((country, new TextStyle(3.6f, 2.8f, 1, Bold: false, SecondaryInk), Math.Max(gap, 2f)));

        var scale = 1f;
        var height = Height(blocks, scale, text);
        while (height > bottom - top && scale > 0.5f)
        {
            scale *= 0.95f;
            height = Height(blocks, scale, text);
        }
        var y = top + Math.Max(0, (bottom - top - height) / 2);
        foreach (var (content, style, space) in blocks)
        {
            y = text.Draw(canvas, content, Margin, y + (space * scale), TextWidth, Scaled(style, scale));
        }
    }

    private static float Height(List<(string Text, TextStyle Style, float Gap)> blocks, float scale, PrintText text) =>
        blocks.Sum(b => (b.Gap * scale) + text.Height(b.Text, TextWidth, Scaled(b.Style, scale)));

    private static TextStyle Scaled(TextStyle style, float scale) =>
        style with { MaxSize = style.MaxSize * scale, MinSize = style.MinSize * scale };

    /// <summary>The zone codes as dark chips in centred rows ending at <paramref name="bottom"/>; returns the top of the first row.</summary>
    private static float DrawZones(SKCanvas canvas, IReadOnlyList<string> zones, float bottom, PrintText text)
    {
        const float size = 3.6f;
        const float chipHeight = 6.2f;
        const float padding = 2.2f;
        const float gap = 1.6f;
        if (zones.Count == 0)
        {
            return bottom;
        }
        var rows = new List<List<(string Code, float Width)>> { new() };
        var rowWidth = 0f;
        foreach (var zone in zones)
        {
            var width = Math.Min(TextWidth, text.Measure(zone, size, bold: true) + (2 * padding));
            if (rows[^1].Count > 0 && rowWidth + gap + width > TextWidth)
            {
                rows.Add([]);
                rowWidth = 0f;
            }
            rowWidth += (rows[^1].Count > 0 ? gap : 0) + width;
            rows[^1].Add((zone, width));
        }
        using var chip = new SKPaint { Color = HeaderColour, IsAntialias = true };
        var top = bottom - (rows.Count * chipHeight) - ((rows.Count - 1) * gap);
        var y = top;
        foreach (var row in rows)
        {
            var x = Margin + ((TextWidth - row.Sum(c => c.Width) - ((row.Count - 1) * gap)) / 2);
            foreach (var (code, width) in row)
            {
                canvas.DrawRoundRect(SKRect.Create(x, y, width, chipHeight), 1.2f, 1.2f, chip);
                var textTop = y + ((chipHeight - size) / 2) - (size * 0.12f);
                text.Draw(canvas, code, x, textTop, width, new TextStyle(size, size * 0.7f, 1, Bold: true, SKColors.White));
                x += width + gap;
            }
            y += chipHeight + gap;
        }
        return top;
    }

    private static void DrawBand(SKCanvas canvas, BadgeCategory category, SKColor colour, float top, PrintText text)
    {
        using var fill = new SKPaint { Color = colour, IsAntialias = true };
        canvas.DrawRect(0, top, WidthMm, BandHeight, fill);
        var ink = ContrastingInk(colour);
        var bottom = text.Draw(canvas, category.NameZh, Margin, top + 3.2f, TextWidth, new TextStyle(7.5f, 4.5f, 1, Bold: true, ink));
        text.Draw(canvas, category.NameEn.ToUpperInvariant(), Margin, bottom + 1f, TextWidth, new TextStyle(4.6f, 3f, 1, Bold: true, ink));
    }

    /// <summary>Black or white, whichever has the higher WCAG contrast ratio against the colour.</summary>
    internal static SKColor ContrastingInk(SKColor background)
    {
        var luminance = RelativeLuminance(background);
        var againstWhite = 1.05 / (luminance + 0.05);
        var againstBlack = (luminance + 0.05) / 0.05;
        return againstWhite >= againstBlack ? SKColors.White : Ink;
    }

    private static double RelativeLuminance(SKColor colour)
    {
        static double Linear(byte channel)
        {
            var c = channel / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return (0.2126 * Linear(colour.Red)) + (0.7152 * Linear(colour.Green)) + (0.0722 * Linear(colour.Blue));
    }

    internal static SKColor ParseColour(string colour)
    {
        if (colour.Length == 7 && colour[0] == '#'
            && uint.TryParse(colour.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb))
        {
            return new SKColor(0xFF000000 | rgb);
        }
        throw new ArgumentException($"Category colour '{colour}' is not #RRGGBB.", nameof(colour));
    }
}
