using SkiaSharp;

namespace Summit.Server.Infrastructure.Printing;

/// <summary>
/// Finds an installed typeface for a character, the last resort for a script Summit ships no badge font for. The font manager is asked first (it knows the system fonts on Windows,
/// macOS and fontconfig builds); the Linux SkiaSharp build the server ships (NoDependencies) has no fontconfig and knows
/// no fonts at all, so the usual font folders are then read once and searched.
/// </summary>
internal static class SystemFonts
{
    private static readonly string[] FontExtensions = [".ttf", ".otf", ".ttc", ".otc"];
    private static readonly Lazy<IReadOnlyList<SKTypeface>> Installed = new(Scan);

    /// <summary>The best installed typeface of the style that has the character, or null if none has it.</summary>
    public static SKTypeface? ForCharacter(int codePoint, SKFontStyle style)
    {
        if (SKFontManager.Default.MatchCharacter(null, style, [], codePoint) is { } matched && HasGlyph(matched, codePoint))
        {
            return matched;
        }
        return Installed.Value
            .Where(t => HasGlyph(t, codePoint))
            .OrderBy(t => Distance(t, style))
            .ThenBy(t => t.FamilyName, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    public static bool HasGlyph(SKTypeface typeface, int codePoint)
    {
        using var font = new SKFont(typeface);
        return font.ContainsGlyph(codePoint);
    }

    /// <summary>Lower is better: upright sans-serif text faces of the wanted weight first.</summary>
    private static int Distance(SKTypeface typeface, SKFontStyle style)
    {
        var family = typeface.FamilyName;
        var distance = Math.Abs(typeface.FontWeight - style.Weight) / 100;
        distance += typeface.FontSlant == style.Slant ? 0 : 8;
        distance += typeface.FontWidth == style.Width ? 0 : 4;
        distance += family.Contains("Mono", StringComparison.OrdinalIgnoreCase) ? 6 : 0;
        distance += family.Contains("Serif", StringComparison.OrdinalIgnoreCase) ? 3 : 0;
        return distance;
    }

    private static List<SKTypeface> Scan()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        string[] folders =
        [
            "/usr/share/fonts",
            "/usr/local/share/fonts",
            Path.Combine(home, ".local", "share", "fonts"),
            Path.Combine(home, ".fonts"),
            "/System/Library/Fonts",
            "/Library/Fonts",
            Environment.GetFolderPath(Environment.SpecialFolder.Fonts),
        ];
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        var typefaces = new List<SKTypeface>();
        foreach (var folder in folders.Where(f => f.Length > 0 && Directory.Exists(f)).Distinct(StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", options).Order(StringComparer.Ordinal))
            {
                if (!FontExtensions.Contains(Path.GetExtension(file).ToLowerInvariant()))
                {
                    continue;
                }
                // A collection (.ttc) holds several faces; FromFile gives null past the last one.
                for (var index = 0; SKTypeface.FromFile(file, index) is { } typeface; index++)
                {
                    typefaces.Add(typeface);
                }
            }
        }
        return typefaces;
    }
}
