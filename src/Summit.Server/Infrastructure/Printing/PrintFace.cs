using HarfBuzzSharp;
using SkiaSharp;

namespace Summit.Server.Infrastructure.Printing;

/// <summary>
/// One font file as both engines see it: Skia draws its glyphs, HarfBuzz shapes with its tables. Both read the same file,
/// so the glyph ids HarfBuzz returns are the ones Skia embeds in the PDF.
/// </summary>
internal sealed class PrintFace
{
    private PrintFace(string name, SKTypeface typeface, HarfBuzzSharp.Font shaper, int unitsPerEm, bool shipped)
    {
        Name = name;
        Typeface = typeface;
        Shaper = shaper;
        UnitsPerEm = unitsPerEm;
        Shipped = shipped;
    }

    /// <summary>The file name ("NotoSansArabic-Bold.ttf"), or the family of a system font.</summary>
    public string Name { get; }

    public SKTypeface Typeface { get; }

    /// <summary>HarfBuzz's font at a scale of one unit per font unit; immutable, so shaping may run on many threads at once.</summary>
    public HarfBuzzSharp.Font Shaper { get; }

    public int UnitsPerEm { get; }

    /// <summary>False for a system font found as a last resort for a script Summit ships no font for.</summary>
    public bool Shipped { get; }

    public bool HasGlyph(int codePoint) => Shaper.TryGetNominalGlyph(codePoint, out _);

    public static PrintFace FromFile(string path, int index, bool shipped)
    {
        var typeface = SKTypeface.FromFile(path, index)
            ?? throw new InvalidOperationException($"The font file {path} could not be read.");
        using var blob = Blob.FromFile(path);
        using var face = new Face(blob, index);
        var shaper = new HarfBuzzSharp.Font(face);
        shaper.SetScale(face.UnitsPerEm, face.UnitsPerEm);
        return new PrintFace(shipped ? Path.GetFileName(path) : typeface.FamilyName, typeface, shaper, face.UnitsPerEm, shipped);
    }

    /// <summary>A system typeface (found through Skia): HarfBuzz reads a copy of the font data Skia opens.</summary>
    public static PrintFace FromTypeface(SKTypeface typeface)
    {
        using var stream = typeface.OpenStream(out var index)
            ?? throw new InvalidOperationException($"The font {typeface.FamilyName} cannot be read.");
        var bytes = new byte[stream.Length];
        stream.Read(bytes, bytes.Length);
        using var copy = new MemoryStream(bytes, writable: false);
        using var blob = Blob.FromStream(copy);
        using var face = new Face(blob, index);
        var shaper = new HarfBuzzSharp.Font(face);
        shaper.SetScale(face.UnitsPerEm, face.UnitsPerEm);
        return new PrintFace(typeface.FamilyName, typeface, shaper, face.UnitsPerEm, shipped: false);
    }
}
