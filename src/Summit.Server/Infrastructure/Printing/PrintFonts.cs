using System.Collections.Concurrent;
using HarfBuzzSharp;
using SkiaSharp;

namespace Summit.Server.Infrastructure.Printing;

/// <summary>
/// The fonts Summit ships for badges (Noto, SIL Open Font License; see Infrastructure/Printing/Fonts/README.md), one per script and
/// weight, copied next to the server as fonts/. A character gets the font of its script; if that font lacks it, any
/// shipped font that has it; only then an installed system font (for a script Summit ships none for); and if nothing has
/// it, the script's font draws its "missing glyph" box rather than failing the batch.
/// </summary>
internal sealed class PrintFonts
{
    /// <summary>The folder under the application's base directory that holds the shipped fonts.</summary>
    public const string Folder = "fonts";

    private static readonly (string File, Script[] Scripts)[] Families =
    [
        ("NotoSans", [Script.Latin, Script.Greek, Script.Cyrillic, Script.Common]),
        ("NotoSansArabic", [Script.Arabic]),
        ("NotoSansHebrew", [Script.Hebrew]),
        ("NotoSansDevanagari", [Script.Devanagari]),
        ("NotoSansThai", [Script.Thai]),
        ("NotoSansCJKsc", [Script.Han, Script.Hiragana, Script.Katakana, Script.Hangul, Script.Bopomofo]),
    ];

    private readonly Dictionary<(Script Script, bool Bold), PrintFace> _byScript = [];
    private readonly List<PrintFace> _regular = [];
    private readonly List<PrintFace> _bold = [];
    private readonly ConcurrentDictionary<(int CodePoint, bool Bold), PrintFace?> _systemFallback = new();
    private readonly ConcurrentDictionary<(string Family, int Weight, SKFontStyleSlant Slant), PrintFace> _systemFaces = new();

    private PrintFonts(string folder)
    {
        foreach (var (file, scripts) in Families)
        {
            foreach (var bold in new[] { false, true })
            {
                var name = $"{file}-{(bold ? "Bold" : "Regular")}";
                var path = new[] { ".ttf", ".otf" }.Select(e => Path.Combine(folder, name + e)).FirstOrDefault(File.Exists)
                    ?? throw new InvalidOperationException($"The badge font {name} is missing from {folder}: Summit ships it; rebuild or reinstall.");
                var face = PrintFace.FromFile(path, 0, shipped: true);
                (bold ? _bold : _regular).Add(face);
                foreach (var script in scripts)
                {
                    _byScript[(script, bold)] = face;
                }
            }
        }
    }

    public static PrintFonts Shipped { get; } = new(Path.Combine(AppContext.BaseDirectory, Folder));

    /// <summary>The face for Latin text and for characters of no particular script (spaces, punctuation, digits).</summary>
    public PrintFace Latin(bool bold) => _byScript[(Script.Latin, bold)];

    /// <summary>The face whose vertical metrics place every line: the CJK face, whose ascent covers the tallest scripts' bodies.</summary>
    public PrintFace Metrics(bool bold) => _byScript[(Script.Han, bold)];

    /// <summary>Every shipped face of the weight, in order of preference.</summary>
    public IReadOnlyList<PrintFace> All(bool bold) => bold ? _bold : _regular;

    /// <summary>The face that draws the character, written in the given script (Common characters take their neighbours' script).</summary>
    public PrintFace For(int codePoint, Script script, bool bold)
    {
        if (_byScript.TryGetValue((script, bold), out var face) && face.HasGlyph(codePoint))
        {
            return face;
        }
        foreach (var shipped in All(bold))
        {
            if (shipped.HasGlyph(codePoint))
            {
                return shipped;
            }
        }
        return SystemFallback(codePoint, bold) ?? face ?? Latin(bold);
    }

    /// <summary>Whether some face, shipped or installed, has a glyph for the character.</summary>
    public bool Covers(int codePoint, bool bold) =>
        All(bold).Any(f => f.HasGlyph(codePoint)) || SystemFallback(codePoint, bold) is not null;

    private PrintFace? SystemFallback(int codePoint, bool bold) =>
        _systemFallback.GetOrAdd((codePoint, bold), key =>
            SystemFonts.ForCharacter(key.CodePoint, key.Bold ? SKFontStyle.Bold : SKFontStyle.Normal) is { } typeface
                ? _systemFaces.GetOrAdd((typeface.FamilyName, typeface.FontWeight, typeface.FontSlant), _ => PrintFace.FromTypeface(typeface))
                : null);
}
