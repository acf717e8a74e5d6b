using System.Globalization;

namespace Summit.Server.Components.Shared;

/// <summary>
/// The occupancy label of a zone on the venue plan, chosen to fit its rectangle whatever the figures: the full form when it fits,
/// then shorter ones, and as a last resort the shortest squeezed to the width (SVG textLength). The full form stays in the tooltip.
/// </summary>
/// <param name="FitWidth">Set when even the shortest form is wider than the room: the width to squeeze it into.</param>
public sealed record PlanLabel(string Text, double? FitWidth)
{
    /// <summary>Left and right margin inside the rectangle, in canvas units.</summary>
    public const int Margin = 8;

    /// <summary>
    /// A generous width per character of the count label (17 px, semibold): digits are about 0.55 em, so this over-estimates and a
    /// label judged to fit does fit.
    /// </summary>
    public const double CharacterWidth = 10.5;

    public static string Full(int inside, int capacity) => capacity > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{inside}/{capacity} · {Percent(inside, capacity)}%")
        : inside.ToString(CultureInfo.InvariantCulture);

    public static PlanLabel For(int inside, int capacity, int rectangleWidth)
    {
        var room = Math.Max(1, rectangleWidth - (2 * Margin));
        string[] forms = capacity > 0
            ? [Full(inside, capacity), string.Create(CultureInfo.InvariantCulture, $"{inside}/{capacity}"),
                string.Create(CultureInfo.InvariantCulture, $"{Percent(inside, capacity)}%")]
            : [Full(inside, capacity)];
        foreach (var form in forms)
        {
            if (WidthOf(form) <= room)
            {
                return new PlanLabel(form, null);
            }
        }

        return new PlanLabel(forms[^1], room);
    }

    /// <summary>The same generous estimate for the zone's code (20 px, bold).</summary>
    public const double CodeCharacterWidth = 13;

    public static double WidthOf(string text) => text.Length * CharacterWidth;

    /// <summary>The width to squeeze a zone's code into when it is wider than its rectangle; null when it fits.</summary>
    public static double? CodeFit(string code, int rectangleWidth)
    {
        var room = Math.Max(1, rectangleWidth - (2 * Margin));
        return code.Length * CodeCharacterWidth > room ? room : null;
    }

    private static long Percent(int inside, int capacity) => (long)Math.Round(100.0 * inside / capacity, MidpointRounding.AwayFromZero);
}
