using System.Text;
using HarfBuzzSharp;
using HbBuffer = HarfBuzzSharp.Buffer;

namespace Summit.Server.Infrastructure.Printing;

/// <summary>
/// Shapes one line of text as a typesetter would: the Unicode bidi algorithm splits it into directional runs in visual
/// order (<see cref="UnicodeBidi"/>), each run is split by script and font (<see cref="PrintFonts"/>), and HarfBuzz shapes each
/// piece with its script's rules: Arabic letters join in their initial, medial and final forms, Devanagari conjuncts and vowel
/// signs are formed and reordered, Thai marks stack, Latin kerns and ligates.
/// </summary>
internal static class TextShaper
{
    private static readonly UnicodeFunctions Unicode = UnicodeFunctions.Default;

    public static ShapedLine Shape(string line, bool bold, PrintFonts fonts)
    {
        var runs = new List<GlyphRun>();
        var width = 0f;
        if (line.Length == 0)
        {
            return new ShapedLine(runs, 0f);
        }
        var scripts = ResolveScripts(line);
        foreach (var bidi in UnicodeBidi.VisualRuns(line))
        {
            var pieces = Itemize(line, bidi, scripts, bold, fonts);
            // Inside a right-to-left run the pieces are drawn last to first; HarfBuzz orders the glyphs within each piece.
            if (bidi.RightToLeft)
            {
                pieces.Reverse();
            }
            foreach (var (start, length, script, face) in pieces)
            {
                var run = ShapeRun(line, start, length, script, face, bidi.RightToLeft);
                runs.Add(run);
                width += run.Advance;
            }
        }
        return new ShapedLine(runs, width);
    }

    private static GlyphRun ShapeRun(string line, int start, int length, Script script, PrintFace face, bool rightToLeft)
    {
        using var buffer = new HbBuffer();
        // The whole line is the context (Arabic joining looks at the neighbours), only the piece is shaped.
        buffer.AddUtf16(line, start, length);
        buffer.Direction = rightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
        buffer.Script = script;
        buffer.Language = Language(script);
        face.Shaper.Shape(buffer);

        var infos = buffer.GetGlyphInfoSpan();
        var positions = buffer.GetGlyphPositionSpan();
        var em = (float)face.UnitsPerEm;
        var glyphs = new ushort[infos.Length];
        var xs = new float[infos.Length];
        var ys = new float[infos.Length];
        var clusters = new int[infos.Length];
        var pen = 0f;
        for (var i = 0; i < infos.Length; i++)
        {
            glyphs[i] = (ushort)infos[i].Codepoint;
            clusters[i] = (int)infos[i].Cluster;
            xs[i] = (pen + positions[i].XOffset) / em;
            // HarfBuzz's y axis points up, the canvas's down.
            ys[i] = -positions[i].YOffset / em;
            pen += positions[i].XAdvance;
        }
        return new GlyphRun(face, script, rightToLeft, glyphs, xs, ys, clusters, pen / em);
    }

    /// <summary>Splits a bidi run into pieces of one script and one face, in logical order.</summary>
    private static List<(int Start, int Length, Script Script, PrintFace Face)> Itemize(
        string line, BidiRun bidi, Script[] scripts, bool bold, PrintFonts fonts)
    {
        var pieces = new List<(int Start, int Length, Script Script, PrintFace Face)>();
        var index = bidi.Start;
        var end = bidi.Start + bidi.Length;
        while (index < end)
        {
            var rune = Rune.GetRuneAt(line, index);
            var script = scripts[index];
            var face = fonts.For(rune.Value, script, bold);
            if (pieces.Count > 0 && pieces[^1].Face == face && (pieces[^1].Script == script || IsWhiteSpace(rune)))
            {
                var last = pieces[^1];
                pieces[^1] = last with { Length = last.Length + rune.Utf16SequenceLength };
            }
            else
            {
                pieces.Add((index, rune.Utf16SequenceLength, script, face));
            }
            index += rune.Utf16SequenceLength;
        }
        return pieces;
    }

    private static bool IsWhiteSpace(Rune rune) => Rune.IsWhiteSpace(rune);

    /// <summary>
    /// The script of every UTF-16 position. Characters common to all scripts (spaces, digits, punctuation) and combining marks
    /// take the script before them, or the one after them at the start of the line, so "王 · 小明" stays one Han piece.
    /// </summary>
    private static Script[] ResolveScripts(string line)
    {
        var scripts = new Script[line.Length];
        var previous = Script.Common;
        for (var i = 0; i < line.Length;)
        {
            var rune = Rune.GetRuneAt(line, i);
            var script = Unicode.GetScript(rune.Value);
            if (script == Script.Common || script == Script.Inherited || script == Script.Unknown)
            {
                script = previous;
            }
            previous = script;
            for (var j = 0; j < rune.Utf16SequenceLength; j++)
            {
                scripts[i + j] = script;
            }
            i += rune.Utf16SequenceLength;
        }
        // Leading common characters take the first real script after them.
        var first = Array.FindIndex(scripts, s => s != Script.Common);
        var fill = first < 0 ? Script.Latin : scripts[first];
        for (var i = 0; i < (first < 0 ? scripts.Length : first); i++)
        {
            scripts[i] = fill;
        }
        return scripts;
    }

    private static HarfBuzzSharp.Language Language(Script script) =>
        script == Script.Arabic ? Arabic
        : script == Script.Hebrew ? Hebrew
        : script == Script.Devanagari ? Hindi
        : script == Script.Thai ? Thai
        : script == Script.Han || script == Script.Bopomofo ? Chinese
        : script == Script.Hiragana || script == Script.Katakana ? Japanese
        : script == Script.Hangul ? Korean
        : English;

    private static readonly HarfBuzzSharp.Language Arabic = new("ar");
    private static readonly HarfBuzzSharp.Language Hebrew = new("he");
    private static readonly HarfBuzzSharp.Language Hindi = new("hi");
    private static readonly HarfBuzzSharp.Language Thai = new("th");
    private static readonly HarfBuzzSharp.Language Chinese = new("zh-Hans");
    private static readonly HarfBuzzSharp.Language Japanese = new("ja");
    private static readonly HarfBuzzSharp.Language Korean = new("ko");
    private static readonly HarfBuzzSharp.Language English = new("en");
}
