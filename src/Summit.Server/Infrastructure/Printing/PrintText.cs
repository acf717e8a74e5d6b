using System.Collections.Concurrent;
using System.Text;
using SkiaSharp;

namespace Summit.Server.Infrastructure.Printing;

/// <summary>How one centred block of text is set: it shrinks from <see cref="MaxSize"/> to <see cref="MinSize"/> (mm) until it fits in <see cref="MaxLines"/>.</summary>
internal readonly record struct TextStyle(float MaxSize, float MinSize, int MaxLines, bool Bold, SKColor Ink);

/// <summary>
/// Sets mixed Latin and CJK text with the installed fonts, for everything Summit prints (badges, the closing report). One family
/// sets the whole page when it covers Chinese (Noto Sans CJK has good Latin letters too), so both scripts share one look; any
/// character it lacks (Arabic, Thai…) gets the best installed typeface that has it. Skia draws without shaping, which suits
/// names, titles and tables in these scripts.
/// </summary>
internal sealed class PrintText
{
    private static readonly string[] ChineseLanguages = ["zh-Hans", "zh-CN", "zh"];
    private const int SampleHanCharacter = '国';
    private const string SimplifiedChineseFamily = "SC";
    private const float LineSpacing = 1.18f;

    private readonly SKTypeface _regular;
    private readonly SKTypeface _bold;
    private readonly ConcurrentDictionary<(int CodePoint, bool Bold), SKTypeface> _typefaces = new();

    private PrintText(SKTypeface regular, SKTypeface bold, bool coversChinese)
    {
        _regular = regular;
        _bold = bold;
        CoversChinese = coversChinese;
    }

    public static PrintText Shared { get; } = Load();

    /// <summary>Whether the main typeface has Chinese characters (false when no CJK font is installed).</summary>
    public bool CoversChinese { get; }

    /// <summary>Whether every visible character of the text has a glyph in some installed typeface.</summary>
    public bool CanRender(string text) =>
        text.EnumerateRunes().All(r => Rune.IsWhiteSpace(r) || SystemFonts.HasGlyph(TypefaceFor(r.Value, bold: false), r.Value));

    /// <summary>Draws the text centred in the box (top, left and width in mm), wrapped and shrunk by the style; returns the bottom of the last line.</summary>
    public float Draw(SKCanvas canvas, string text, float left, float top, float width, TextStyle style)
    {
        var (size, lines) = Fit(text, width, style);
        if (lines.Count == 0)
        {
            return top;
        }
        using var font = Font(Primary(style.Bold), size);
        var lineHeight = size * LineSpacing;
        // Baseline at the ascent of the main face, so blocks stack by their visible tops whatever fallback a line uses.
        var baseline = top - font.Metrics.Ascent;
        foreach (var line in lines)
        {
            DrawLine(canvas, line, left + ((width - Measure(line, size, style.Bold)) / 2), baseline, size, style.Bold, style.Ink);
            baseline += lineHeight;
        }
        return top + BlockHeight(size, lines.Count);
    }

    /// <summary>The text wrapped to the width at one size (mm), as many lines as it takes; a word wider than the width is cut with an ellipsis.</summary>
    public IReadOnlyList<string> Wrap(string text, float width, float size, bool bold) =>
        Fit(text, width, new TextStyle(size, size, int.MaxValue, bold, SKColors.Black)).Lines;

    /// <summary>Draws one line from the left edge <paramref name="left"/>, its baseline at <paramref name="baseline"/> (mm).</summary>
    public void DrawLine(SKCanvas canvas, string line, float left, float baseline, float size, bool bold, SKColor ink)
    {
        using var paint = new SKPaint { Color = ink, IsAntialias = true };
        var x = left;
        foreach (var (typeface, run) in Runs(line, bold))
        {
            using var runFont = Font(typeface, size);
            canvas.DrawText(run, x, baseline, SKTextAlign.Left, runFont, paint);
            x += runFont.MeasureText(run);
        }
    }

    /// <summary>How far the main face rises above its baseline at a size (mm): where to put the baseline of a line whose top is known.</summary>
    public float Ascent(float size, bool bold)
    {
        using var font = Font(Primary(bold), size);
        return -font.Metrics.Ascent;
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
        // Advances are linear in the size (unhinted) and add up (no shaping), so each word is measured once, not per size.
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

    public float Measure(string text, float size, bool bold)
    {
        var width = 0f;
        foreach (var (typeface, run) in Runs(text, bold))
        {
            using var font = Font(typeface, size);
            width += font.MeasureText(run);
        }
        return width;
    }

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

    private string Ellipsize(string text, float width, float size, bool bold)
    {
        var runes = text.EnumerateRunes().ToList();
        while (runes.Count > 0 && Measure(string.Concat(runes) + "…", size, bold) > width)
        {
            runes.RemoveAt(runes.Count - 1);
        }
        return string.Concat(runes).TrimEnd() + "…";
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

    private IEnumerable<(SKTypeface Typeface, string Run)> Runs(string text, bool bold)
    {
        var run = new StringBuilder();
        SKTypeface? current = null;
        foreach (var rune in text.EnumerateRunes())
        {
            // Spaces stay in the current run: every face has one, and a run per space would only cost draw calls.
            var typeface = Rune.IsWhiteSpace(rune) && current is not null ? current : TypefaceFor(rune.Value, bold);
            if (current is not null && typeface != current)
            {
                yield return (current, run.ToString());
                run.Clear();
            }
            current = typeface;
            run.Append(rune.ToString());
        }
        if (current is not null)
        {
            yield return (current, run.ToString());
        }
    }

    /// <summary>
    /// Sizes are in millimetres on a scaled canvas, so hinting would round advances to whole millimetres and space letters
    /// unevenly: outlines and advances stay unhinted and linear, as print wants.
    /// </summary>
    private static SKFont Font(SKTypeface typeface, float size) =>
        new(typeface, size) { Hinting = SKFontHinting.None, LinearMetrics = true, Subpixel = true, Edging = SKFontEdging.Antialias };

    private SKTypeface Primary(bool bold) => bold ? _bold : _regular;

    private SKTypeface TypefaceFor(int codePoint, bool bold) =>
        _typefaces.GetOrAdd((codePoint, bold), key =>
            SystemFonts.HasGlyph(Primary(key.Bold), key.CodePoint)
                ? Primary(key.Bold)
                : SystemFonts.ForCharacter(key.CodePoint, key.Bold ? SKFontStyle.Bold : SKFontStyle.Normal, []) ?? Primary(key.Bold));

    private static PrintText Load()
    {
        var regular = SystemFonts.ForCharacter(SampleHanCharacter, SKFontStyle.Normal, ChineseLanguages, SimplifiedChineseFamily);
        if (regular is not null)
        {
            var bold = SystemFonts.ForCharacter(SampleHanCharacter, SKFontStyle.Bold, ChineseLanguages, SimplifiedChineseFamily);
            return new PrintText(regular, bold ?? regular, coversChinese: true);
        }
        // No CJK font: Latin text still prints well; Chinese falls back character by character (tofu at worst).
        return new PrintText(
            SystemFonts.ForCharacter('A', SKFontStyle.Normal, []) ?? SKTypeface.Default,
            SystemFonts.ForCharacter('A', SKFontStyle.Bold, []) ?? SKTypeface.Default,
            coversChinese: false);
    }
}
