using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SkiaSharp;
using Summit.Access.Core;
using Summit.Server.Access.Badges;
using Summit.Server.Infrastructure.Printing;
using static Summit.Tests.Access.BadgeSamples;

namespace Summit.Tests.Access;

/// <summary>Printed badges: an A6 page each, a QR that a real decoder reads and a gate admits, text in both scripts.</summary>
public partial class BadgeRendererTests
{
    private const float A6WidthPoints = 105f / 25.4f * 72f;
    private const float A6HeightPoints = 148f / 25.4f * 72f;

    [Fact]
    public void A_batch_is_one_pdf_with_one_A6_page_per_badge()
    {
        using var key = NewSigningKey();
        var pdf = BadgeRenderer.RenderPdf([Vip(IssueVipCredential(key)), Press(IssueVipCredential(key)), Vip(IssueVipCredential(key), Portrait())]);

        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF", text.TrimEnd(), StringComparison.Ordinal);
        Assert.Equal(3, PageObject().Count(text));
        Assert.Contains("/Count 3", text, StringComparison.Ordinal);
        var boxes = MediaBox().Matches(text);
        Assert.Equal(3, boxes.Count);
        Assert.All(boxes, box =>
        {
            Assert.Equal(A6WidthPoints, float.Parse(box.Groups["width"].Value, CultureInfo.InvariantCulture), 0.5f);
            Assert.Equal(A6HeightPoints, float.Parse(box.Groups["height"].Value, CultureInfo.InvariantCulture), 0.5f);
        });
    }

    [Fact]
    public void Printing_nothing_is_refused() =>
        Assert.Throws<ArgumentException>(() => BadgeRenderer.RenderPdf([]));

    [Fact]
    public void A_photo_is_embedded_as_a_300_dpi_jpeg_and_a_missing_one_adds_no_image()
    {
        using var key = NewSigningKey();
        var code = IssueVipCredential(key);

        var withPhoto = Encoding.Latin1.GetString(BadgeRenderer.RenderPdf([Vip(code, Portrait())]));
        var withoutPhoto = Encoding.Latin1.GetString(BadgeRenderer.RenderPdf([Vip(code)]));

        var image = Assert.Single(ImageObject().Matches(withPhoto));
        Assert.Contains("/Filter /DCTDecode", image.Value, StringComparison.Ordinal);
        // The 32 mm wide frame at 300 dpi: a 1200-pixel upload is not carried 2,000 times into a print file.
        Assert.Equal("378", image.Groups["width"].Value);
        Assert.Empty(ImageObject().Matches(withoutPhoto));
    }

    [Fact]
    public async Task The_portal_qr_png_scans_with_zbar_and_the_scanned_text_is_admitted_at_a_gate()
    {
        using var key = NewSigningKey();
        var code = IssueVipCredential(key);

        var png = BadgeRenderer.QrPng(code, 300);

        using (var bitmap = SKBitmap.Decode(png))
        {
            Assert.Equal((300, 300), (bitmap.Width, bitmap.Height));
        }
        var scanned = await Zbar.DecodeSingleAsync(png);
        Assert.Equal(code, scanned);
        var verdict = GateDecision.Decide(scanned, Local(9, 9), MainHallEntry, Policy(key), new PresenceBook());
        Assert.Equal(ReasonCode.Admitted, verdict.Reason);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(150)]
    public async Task The_qr_printed_on_a_badge_scans_and_is_admitted(int dpi)
    {
        using var key = NewSigningKey();
        var code = IssueVipCredential(key);

        var scanned = await Zbar.DecodeSingleAsync(BadgeRenderer.RenderPng(Vip(code, Portrait()), dpi));

        Assert.Equal(code, scanned);
        Assert.True(GateDecision.Decide(scanned, Local(9, 9), MainHallEntry, Policy(key), new PresenceBook()).Admitted);
    }

    [Fact]
    public void The_badge_qr_is_version_8_at_level_M_with_a_4_module_quiet_zone()
    {
        using var key = NewSigningKey();

        var symbol = QrSymbol.Encode(IssueVipCredential(key));

        Assert.Equal(8, symbol.Version);
        Assert.Equal(49 + (2 * 4), symbol.Size);
        Assert.True(BadgeRenderer.QrSymbolMm >= 35f, "a printed badge QR under 35 mm makes gate scanners hunt for focus");
    }

    [Fact]
    public void A_qr_png_smaller_than_one_pixel_a_module_is_refused()
    {
        using var key = NewSigningKey();
        Assert.Throws<ArgumentOutOfRangeException>(() => BadgeRenderer.QrPng(IssueVipCredential(key), 56));
    }

    [Fact]
    public void Chinese_names_and_event_names_have_a_typeface()
    {
        Assert.True(BadgeRenderer.CanRender("王小明"));
        Assert.True(BadgeRenderer.CanRender("2026年世界互联网大会乌镇峰会 · 贵宾"));
        Assert.True(BadgeRenderer.CanRender("Xiaoming WANG"));
    }

    [Theory]
    [InlineData("#FFD100", false)]
    [InlineData("#FFFFFF", false)]
    [InlineData("#8FD14F", false)]
    [InlineData("#C8102E", true)]
    [InlineData("#1D4ED8", true)]
    [InlineData("#000000", true)]
    public void The_category_name_is_printed_in_the_ink_that_contrasts_with_the_band(string band, bool white)
    {
        var ink = BadgeRenderer.ContrastingInk(BadgeRenderer.ParseColour(band));

        Assert.Equal(white, ink == SKColors.White);
    }

    [Theory]
    [InlineData("red")]
    [InlineData("#FFF")]
    [InlineData("FFD100")]
    [InlineData("#GGHHII")]
    [InlineData("#FFD1000")]
    public void A_category_colour_that_is_not_RRGGBB_is_refused(string colour)
    {
        using var key = NewSigningKey();
        var card = Vip(IssueVipCredential(key)) with { Category = new BadgeCategory("X", "X", "X", colour) };

        Assert.Throws<ArgumentException>(() => BadgeRenderer.RenderPdf([card]));
    }

    [Fact]
    public void Long_text_shrinks_and_wraps_before_it_is_cut()
    {
        var style = new TextStyle(9f, 4.5f, 2, Bold: true, SKColors.Black);
        const float width = 89f;

        var (size, lines) = PrintText.Shared.Fit("Alexandra Konstantinopoulou-Papadopoulou", width, style);
        Assert.InRange(size, style.MinSize, style.MaxSize - 0.1f);
        Assert.Equal(["Alexandra Konstantinopoulou-", "Papadopoulou"], lines);

        var (smallest, cut) = PrintText.Shared.Fit(string.Join(' ', Enumerable.Repeat("Papadopoulou", 30)), width, style);
        Assert.Equal(style.MinSize, smallest);
        Assert.Equal(2, cut.Count);
        Assert.EndsWith("…", cut[^1], StringComparison.Ordinal);
        Assert.All(cut, line => Assert.True(PrintText.Shared.Measure(line, smallest, bold: true) <= width));

        var (_, word) = PrintText.Shared.Fit("Pneumonoultramicroscopicsilicovolcanoconiosis", 40f, style);
        Assert.StartsWith("Pneumono", Assert.Single(word), StringComparison.Ordinal);
        Assert.EndsWith("…", word[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Chinese_text_may_break_between_any_two_characters()
    {
        var style = new TextStyle(6f, 6f, 3, Bold: false, SKColors.Black);

        var (_, lines) = PrintText.Shared.Fit("中华人民共和国国家互联网信息办公室", 40f, style);

        Assert.True(lines.Count > 1);
        Assert.Equal("中华人民共和国国家互联网信息办公室", string.Concat(lines));
    }

    /// <summary>
    /// The sample for the docs, checked at the size the docs show it. Set SUMMIT_DOCS_IMAGES=$PWD/docs/images (from the
    /// repository root) to write it there as badge.png.
    /// </summary>
    [Fact]
    public async Task The_sample_badge_for_the_docs_scans_at_the_size_it_is_shown()
    {
        using var key = NewSigningKey();
        var code = IssueVipCredential(key);

        // Rendered at print resolution, then halved: the docs show what the printer gets, not a coarse raster.
        using var page = SKBitmap.Decode(BadgeRenderer.RenderPng(Vip(code, Portrait()), 300));
        using var shown = page.Resize(new SKImageInfo(page.Width / 2, page.Height / 2), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var image = SKImage.FromBitmap(shown);
        using var encoded = image.Encode(SKEncodedImageFormat.Png, 100);
        var png = encoded.ToArray();

        Assert.Equal(code, await Zbar.DecodeSingleAsync(png));
        if (Environment.GetEnvironmentVariable("SUMMIT_DOCS_IMAGES") is { Length: > 0 } folder)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, "badge.png"), png);
        }
    }

    [GeneratedRegex(@"/Type /Page\b(?!s)")]
    internal static partial Regex PageObject();

    [GeneratedRegex(@"/MediaBox \[0 0 (?<width>[0-9.]+) (?<height>[0-9.]+)\]")]
    private static partial Regex MediaBox();

    [GeneratedRegex(@"/Subtype /Image\s*/Width (?<width>\d+)[^>]*")]
    private static partial Regex ImageObject();
}
