using System.Diagnostics;
using Summit.Server.Access.Badges;
using Summit.Server.Infrastructure.Printing;
using static Summit.Tests.Access.BadgeSamples;

namespace Summit.Tests.Access;

/// <summary>
/// Names in every script print as their readers write them: the glyph runs HarfBuzz gives (glyph names from the fonts' own
/// tables, their visual order, the joining forms), the fonts Summit ships, and the PDF that carries them.
/// </summary>
public class BadgeShapingTests
{
    [Fact]
    public void Arabic_letters_join_and_read_from_the_right()
    {
        // محمد: meem, hah, meem, dal. Drawn left to right: dal final, meem medial, hah medial, meem initial.
        var run = Assert.Single(Shape("محمد").Runs);

        Assert.Equal("NotoSansArabic-Bold.ttf", run.Face.Name);
        Assert.True(run.RightToLeft);
        Assert.Equal(["uniFEAA", "uniFEE4", "uniFEA4", "uniFEE3"], GlyphNames(run));
        Assert.Equal([3, 2, 1, 0], run.Clusters);
        AssertLeftToRight(run);
    }

    [Fact]
    public void A_persian_name_joins_with_its_own_letters()
    {
        // فرهاد (Farhad): feh initial, reh final (reh never joins to the left), heh initial, alef final, dal isolated.
        var run = Assert.Single(Shape("فرهاد").Runs);

        Assert.Equal(["uni062F", "uniFE8E", "uniFEEB", "uniFEAE", "uniFED3"], GlyphNames(run));
    }

    [Fact]
    public void Hebrew_reads_from_the_right_word_by_word()
    {
        // דוד לוי (David Levi): the first word is drawn at the right end.
        var run = Assert.Single(Shape("דוד לוי").Runs);

        Assert.True(run.RightToLeft);
        Assert.Equal("NotoSansHebrew-Bold.ttf", run.Face.Name);
        Assert.Equal(["uni05D9", "uni05D5", "uni05DC", "space", "uni05D3", "uni05D5", "uni05D3"], GlyphNames(run));
        Assert.Equal([6, 5, 4, 3, 2, 1, 0], run.Clusters);
    }

    [Fact]
    public void A_latin_name_inside_an_arabic_line_keeps_its_order_and_stands_left_of_the_arabic()
    {
        var line = Shape("محمد Ali");

        Assert.Equal(2, line.Runs.Count);
        var (latin, arabic) = (line.Runs[0], line.Runs[1]);
        Assert.False(latin.RightToLeft);
        Assert.Equal(["A", "l", "i"], GlyphNames(latin));
        Assert.Equal("NotoSans-Bold.ttf", latin.Face.Name);
        Assert.True(arabic.RightToLeft);
        Assert.Equal(["space", "uniFEAA", "uniFEE4", "uniFEA4", "uniFEE3"], GlyphNames(arabic));
        Assert.Equal(latin.Advance + arabic.Advance, line.Width, 3);
    }

    [Fact]
    public void Devanagari_reorders_the_short_i_and_forms_conjuncts()
    {
        // किरण: the vowel sign i is typed after ka and drawn before it. लक्ष्मी: क्ष् is one half-form conjunct glyph.
        var run = Assert.Single(Shape("किरण लक्ष्मी").Runs);

        Assert.Equal("NotoSansDevanagari-Bold.ttf", run.Face.Name);
        var names = GlyphNames(run);
        Assert.StartsWith("ivowelsign", names[0], StringComparison.Ordinal);
        Assert.Equal("kadeva", names[1]);
        Assert.Contains("kassaprehalfdeva", names);
        Assert.Equal(9, run.Glyphs.Length); // 12 characters, 9 glyphs: the virama-joined letters became one
        Assert.Equal(0, run.Clusters[0]);
        Assert.Equal(0, run.Clusters[1]);
    }

    [Fact]
    public void Thai_marks_stack_and_sara_am_splits()
    {
        // ศักดิ์: the thanthakhat sits on the sara i above dor dek (the small form, raised); น้ำ: sara am becomes nikhahit + sara aa
        // with the tone mark between them.
        var run = Assert.Single(Shape("ศักดิ์ น้ำ").Runs);

        Assert.Equal("NotoSansThai-Bold.ttf", run.Face.Name);
        var names = GlyphNames(run);
        Assert.Equal(["uni0E28", "uni0E31", "uni0E01", "uni0E14", "uni0E34"], names[..5]);
        Assert.StartsWith("uni0E4C", names[5], StringComparison.Ordinal);
        Assert.Equal(["space", "uni0E19", "uni0E4D"], names[6..9]);
        Assert.StartsWith("uni0E49", names[9], StringComparison.Ordinal);
        Assert.Equal("uni0E32", names[10]);
        // The marks of one cluster share the base's x; no mark is left on the baseline to the right of its letter.
        Assert.Equal(run.X[4], run.X[5], 3);
    }

    [Fact]
    public void Chinese_is_set_in_the_simplified_chinese_face_in_reading_order()
    {
        var run = Assert.Single(Shape("王小明").Runs);

        Assert.Equal("NotoSansCJKsc-Bold.otf", run.Face.Name);
        Assert.False(run.RightToLeft);
        Assert.Equal([0, 1, 2], run.Clusters);
        var nominal = "王小明".Select(c => run.Face.Shaper.TryGetNominalGlyph(c, out var glyph) ? glyph : 0u).ToArray();
        Assert.Equal(nominal, run.Glyphs.Select(g => (uint)g));
        Assert.All(nominal, g => Assert.NotEqual(0u, g));
        Assert.Equal(3f, run.Advance, 3);
    }

    [Fact]
    public void Latin_ligates_and_kerns()
    {
        var run = Assert.Single(Shape("Office AVA", bold: false).Runs);

        Assert.Equal("NotoSans-Regular.ttf", run.Face.Name);
        Assert.Equal(["O", "f_f_i", "c", "e", "space", "A", "V", "A"], GlyphNames(run));
        // A and V move closer than their advances: the font's kerning was applied.
        run.Face.Shaper.TryGetNominalGlyph('A', out var a);
        var nominalA = run.Face.Shaper.GetHorizontalGlyphAdvance(a) / (float)run.Face.UnitsPerEm;
        Assert.True(run.X[6] - run.X[5] < nominalA - 0.02f);
    }

    [Fact]
    public void Mixed_scripts_take_their_own_fonts_and_punctuation_stays_with_its_neighbours()
    {
        var line = Shape("王小明 · Xiaoming WANG");

        Assert.Equal(["NotoSansCJKsc-Bold.otf", "NotoSans-Bold.ttf"], line.Runs.Select(r => r.Face.Name));
        Assert.Equal("王小明 · ".Length, line.Runs[0].Glyphs.Length);
    }

    [Theory]
    [InlineData("محمد بن راشد")]
    [InlineData("נועה כהן")]
    [InlineData("प्रिया शर्मा")]
    [InlineData("สมศักดิ์ ใจดี")]
    [InlineData("王小明")]
    [InlineData("Ólafur Ragnar Grímsson")]
    [InlineData("Дмитрий Иванов")]
    [InlineData("김민준")]
    public void Every_shipped_script_has_every_glyph(string name)
    {
        Assert.True(BadgeRenderer.CanRender(name));
        var line = Shape(name);
        Assert.All(line.Runs, run =>
        {
            Assert.True(run.Face.Shipped, $"{name} fell back to the system font {run.Face.Name}");
            Assert.DoesNotContain((ushort)0, run.Glyphs);
        });
    }

    [Fact]
    public void A_character_no_font_has_is_reported()
    {
        // U+E000 is private use: no font Summit ships (or the test machine has) draws it.
        Assert.False(BadgeRenderer.CanRender("\uE000"));
    }

    [Fact]
    public void An_arabic_name_too_long_for_its_line_is_cut_at_the_end_of_its_reading_order()
    {
        var style = new TextStyle(9f, 9f, 1, Bold: true, SkiaSharp.SKColors.Black);

        var (_, lines) = PrintText.Shared.Fit("عبد الرحمن بن عبد العزيز بن محمد بن سعود الفيصل آل سعود", 60f, style);

        var line = Assert.Single(lines);
        Assert.StartsWith("عبد الرحمن", line, StringComparison.Ordinal);
        Assert.EndsWith("…", line, StringComparison.Ordinal);
        Assert.True(PrintText.Shared.Measure(line, 9f, bold: true) <= 60f);
    }

    /// <summary>
    /// One PDF with a badge per script, as a batch prints it: every shipped font is embedded, and each page rasterizes with
    /// poppler (the picture in the docs). Set SUMMIT_DOCS_IMAGES=$PWD/docs/images to write the pictures there.
    /// </summary>
    [Fact]
    public async Task A_batch_with_every_script_embeds_the_shipped_fonts_and_renders_with_poppler()
    {
        using var key = NewSigningKey();
        var cards = ScriptSamples(IssueVipCredential(key));
        var folder = Directory.CreateTempSubdirectory("summit-badges-");
        try
        {
            var pdf = Path.Combine(folder.FullName, "badges.pdf");
            await File.WriteAllBytesAsync(pdf, BadgeRenderer.RenderPdf(cards.Select(c => c.Card)));

            var fonts = await Run("pdffonts", pdf);
            // The TrueType fonts are embedded as subsets; Skia writes the CFF outlines of the CJK face as Type 3 fonts (vector
            // glyphs, which print as sharply).
            foreach (var family in new[] { "NotoSansArabic-Bold", "NotoSansHebrew-Bold", "NotoSansDevanagari-Bold", "NotoSansThai-Bold", "NotoSans-Bold", "NotoSans-Regular", "Type 3" })
            {
                Assert.True(fonts.Contains(family, StringComparison.Ordinal), $"{family} is not embedded:\n{fonts}");
            }
            await Run("pdftoppm", "-r", "100", "-png", pdf, Path.Combine(folder.FullName, "page"));
            var pages = Directory.GetFiles(folder.FullName, "page-*.png").Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(cards.Length, pages.Length);
            if (Environment.GetEnvironmentVariable("SUMMIT_DOCS_IMAGES") is { Length: > 0 } docs)
            {
                for (var i = 0; i < pages.Length; i++)
                {
                    File.Copy(pages[i], Path.Combine(docs, $"badge-{cards[i].Script}.png"), overwrite: true);
                }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A badge for a name in each script the docs show, with the organisation and title in the same script where they would be.</summary>
    internal static (string Script, BadgeCard Card)[] ScriptSamples(string code)
    {
        var vip = Vip(code, Portrait());
        return
        [
            ("arabic", vip with { Name = "فاطمة الزهراء المنصوري", LatinName = "Fatima AL-MANSOURI", Title = "مديرة السياسات الرقمية", Organisation = "Telecommunications and Digital Government Regulatory Authority", Country = Summit.Server.Guests.Contracts.Countries.Find("AE")! }),
            ("hebrew", vip with { Name = "נועה כהן", LatinName = "Noa COHEN", Title = "Chief Technology Officer", Organisation = "Israel National Cyber Directorate", Country = Summit.Server.Guests.Contracts.Countries.Find("IL")! }),
            ("devanagari", vip with { Name = "प्रिया शर्मा", LatinName = "Priya SHARMA", Title = "Joint Secretary", Organisation = "Ministry of Electronics and Information Technology", Country = Summit.Server.Guests.Contracts.Countries.Find("IN")! }),
            ("thai", vip with { Name = "สมศักดิ์ ใจดี", LatinName = "Somsak JAIDEE", Title = "Director-General", Organisation = "Digital Economy Promotion Agency", Country = Summit.Server.Guests.Contracts.Countries.Find("TH")! }),
            ("chinese", vip),
            ("latin", Press(code) with { PhotoJpeg = Portrait() }),
        ];
    }

    private static ShapedLine Shape(string text, bool bold = true) => PrintText.Shared.Shape(text, bold);

    private static string[] GlyphNames(GlyphRun run) =>
        [.. run.Glyphs.Select(g => run.Face.Shaper.TryGetGlyphName(g, out var name) ? name : $"#{g}")];

    private static void AssertLeftToRight(GlyphRun run)
    {
        for (var i = 1; i < run.X.Length; i++)
        {
            Assert.True(run.X[i] > run.X[i - 1], "glyphs of a joined word follow each other from left to right");
        }
    }

    private static async Task<string> Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed: {await error}");
        return (await output).ToString();
    }
}
