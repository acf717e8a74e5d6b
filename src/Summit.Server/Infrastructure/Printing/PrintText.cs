using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Summit.Server.Infrastructure.Printing;

/// <summary>
/// Sets text for everything Summit prints (badges, the closing report) in any script with the fonts Summit ships (<see cref="PrintFonts"/>): each line is
/// shaped by HarfBuzz after the bidi algorithm (<see cref="TextShaper"/>), so Arabic and Hebrew read from the right with their
/// letters joined, Devanagari forms its conjuncts and Thai stacks its marks. Wrapping works on the logical text; each line is
/// then reordered and drawn as positioned glyphs.
/// </summary>
internal sealed class PrintText
{
    private const float LineSpacing = 1.18f;

    private readonly PrintFonts _fonts;

    private PrintText(PrintFonts fonts) => _fonts = fonts;

    public static PrintText Shared { get; } = new(PrintFonts.Shipped);

    /// <summary>Whether every visible character of the text has a glyph in a shipped font or, failing that, an installed one.</summary>
    public bool CanRender(string text) =>
        text.EnumerateRunes().All(r => Rune.IsWhiteSpace(r) || Rune.IsControl(r) || _fonts.Covers(r.Value, bold: false));

    /// <summary>The line as shaped glyph runs in visual order, at a font size of 1 (what <see cref="Draw"/> draws, scaled).</summary>
    public ShapedLine Shape(string line, bool bold) => TextShaper.Shape(line, bold, _fonts);

    /// <summary>Draws the text centred in the box (top, left and width in mm), wrapped and shrunk by the style; returns the bottom of the last line.</summary>
    public float Draw(SKCanvas canvas, string text, float left, float top, float width, TextStyle style)
    {
        var (size, lines) = Fit(text, width, style);
        if (lines.Count == 0)
        {
            return top;
        }
        var lineHeight = size * LineSpacing;
        // Baseline at the ascent of the metrics face, so blocks stack by their visible tops whatever script a line is in.
        var baseline = top + Ascent(size, style.Bold);
        foreach (var line in lines)
        {
            var shaped = Shape(line, style.Bold);
            DrawShaped(canvas, shaped, left + ((width - (shaped.Width * size)) / 2), baseline, size, style.Ink);
            baseline += lineHeight;
        }
        return top + BlockHeight(size, lines.Count);
    }

    /// <summary>The text wrapped to the width at one size (mm), as many lines as it takes; a word wider than the width is cut with an ellipsis.</summary>
    public IReadOnlyList<string> Wrap(string text, float width, float size, bool bold) =>
        Fit(text, width, new TextStyle(size, size, int.MaxValue, bold, SKColors.Black)).Lines;

    /// <summary>Draws one shaped line from the left edge <paramref name="left"/>, its baseline at <paramref name="baseline"/> (mm).</summary>
    public void DrawLine(SKCanvas canvas, string line, float left, float baseline, float size, bool bold, SKColor ink) =>
        DrawShaped(canvas, Shape(line, bold), left, baseline, size, ink);

    private static void DrawShaped(SKCanvas canvas, ShapedLine line, float left, float baseline, float size, SKColor ink)
    {
        using var blob = Blob(line, size);
        if (blob is not null)
        {
            using var paint = new SKPaint { Color = ink, IsAntialias = true };
            canvas.DrawText(blob, left, baseline, paint);
        }
    }

    /// <summary>How far the metrics face rises above its baseline at a size (mm): where to put the baseline of a line whose top is known.</summary>
    public float Ascent(float size, bool bold)
    {
        using var metrics = Font(_fonts.Metrics(bold).Typeface, size);
        return -metrics.Metrics.Ascent;
    }

    /// <summary>The glyph runs as one text blob at the size, origin at the left end of the baseline.</summary>
    private static SKTextBlob? Blob(ShapedLine line, float size)
    {
        using var builder = new SKTextBlobBuilder();
        var pen = 0f;
        foreach (var run in line.Runs)
        {
            if (run.Glyphs.Length > 0)
            {
                using var font = Font(run.Face.Typeface, size);
                var positions = new SKPoint[run.Glyphs.Length];
                for (var i = 0; i < positions.Length; i++)
                {
                    positions[i] = new SKPoint(pen + (run.X[i] * size), run.Y[i] * size);
                }
                builder.AddPositionedRun(run.Glyphs, font, positions);
            }
            pen += run.Advance * size;
        }
        return builder.Build();
    }

    /// <summary>The height <see cref="Draw"/> takes for the text.</summary>
    public float Height(string text, float width, TextStyle style)
    {
        var (size, lines) = Fit(text, width, style);
        return lines.Count == 0 ? 0 : BlockHeight(size, lines.Count);
    }

    private static float BlockHeight(float size, int lines) => (size * LineSpacing * (lines - 1)) + (size * 1.05f);

    /// <summary>
    /// The largest size (stepping down 4 %) at which the text wraps into the allowed lines with no line too wide. At the
    /// smallest size whatever still does not fit is cut with an ellipsis: an overlong word, or the text past the last line.
    /// </summary>
    internal (float Size, IReadOnlyList<string> Lines) Fit(string text, float width, TextStyle style)
    {
        // Advances are linear in the size (unhinted), so each word is shaped once, not per size. Words join no glyphs
        // across a space, so a line is as wide as its words.
        var words = Words(text.Trim())
            .Select(w => new Word(w, Measure(w, 1f, style.Bold), Measure(w.TrimStart(), 1f, style.Bold)))
            .ToList();
        var size = style.MaxSize;
        while (true)
        {
            var lines = Wrap(words, width, size);
            if (lines.Count <= style.MaxLines && lines.All(l => l.Width <= width))
            {
                return (size, [.. lines.Select(l => l.Text)]);
            }
            if (size <= style.MinSize)
            {
                var kept = lines.Take(style.MaxLines).Select(l => l.Text).ToList();
                if (lines.Count > style.MaxLines)
                {
                    kept[^1] = string.Join(' ', lines.Skip(style.MaxLines - 1).Select(l => l.Text));
                }
                return (size, [.. kept.Select(l => Measure(l, size, style.Bold) > width ? Ellipsize(l, width, size, style.Bold) : l)]);
            }
            size = Math.Max(style.MinSize, size * 0.96f);
        }
    }

    /// <summary>The width of the shaped text at the size (unhinted, so widths scale linearly with the size).</summary>
    public float Measure(string text, float size, bool bold) => Shape(text, bold).Width * size;

    /// <summary>A break-free piece of text with its advance per millimetre of font size, with and without its leading space.</summary>
    private readonly record struct Word(string Text, float Advance, float AdvanceAtLineStart);

    private static List<(string Text, float Width)> Wrap(List<Word> words, float width, float size)
    {
        var lines = new List<(string Text, float Width)>();
        var line = new StringBuilder();
        var lineWidth = 0f;
        foreach (var word in words)
        {
            if (line.Length > 0 && lineWidth + (word.Advance * size) <= width)
            {
                line.Append(word.Text);
                lineWidth += word.Advance * size;
                continue;
            }
            if (line.Length > 0)
            {
                lines.Add((line.ToString(), lineWidth));
            }
            line.Clear().Append(word.Text.TrimStart());
            lineWidth = word.AdvanceAtLineStart * size;
        }
        if (line.Length > 0)
        {
            lines.Add((line.ToString(), lineWidth));
        }
        return lines;
    }

    /// <summary>Cuts whole characters as a reader sees them (a Devanagari syllable, a letter with its marks), never inside one.</summary>
    private string Ellipsize(string text, float width, float size, bool bold)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }
        while (elements.Count > 0 && Measure(string.Concat(elements) + "…", size, bold) > width)
        {
            elements.RemoveAt(elements.Count - 1);
        }
        return string.Concat(elements).TrimEnd() + "…";
    }

    /// <summary>Break points: Latin words keep their leading space; a line may also break after a hyphen and before any CJK character.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        void Flush()
        {
            if (!string.IsNullOrWhiteSpace(word.ToString()))
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                Flush();
                word.Clear().Append(' ');
            }
            else if (IsCjk(rune.Value))
            {
                Flush();
                words.Add(word.Append(rune.ToString()).ToString());
                word.Clear();
            }
            else
            {
                word.Append(rune.ToString());
                if (rune.Value == '-')
                {
                    Flush();
                }
            }
        }
        Flush();
        return words;
    }

    private static bool IsCjk(int codePoint) =>
        codePoint is (>= 0x2E80 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFF00 and <= 0xFFEF)
            or (>= 0x20000 and <= 0x3FFFF);

    /// <summary>
    /// Sizes are in millimetres on a scaled canvas, so hinting would round advances to whole millimetres and space letters
    /// unevenly: outlines and advances stay unhinted and linear, as print wants.
    /// </summary>
    private static SKFont Font(SKTypeface typeface, float size) =>
        new(typeface, size) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true, Edging = SKFontEdging.Antialias };
}
