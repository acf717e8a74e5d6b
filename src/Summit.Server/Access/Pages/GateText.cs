using System.Globalization;
using Summit.Access.Core;
using Summit.Server.Access.Contracts;
using Summit.Server.Components.Shared;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Access.Pages;

/// <summary>Formatting shared by the gate console and the live access page.</summary>
public static class GateText
{
    public static VerdictKind KindOf(ReasonCode reason) => reason switch
    {
        ReasonCode.Admitted => VerdictKind.Admitted,
        ReasonCode.AdmittedWithAlert => VerdictKind.Alert,
        _ => VerdictKind.Refused,
    };

    /// <summary>The word the page and its tests key on (data-verdict), and the cue the browser plays.</summary>
    public static string Token(VerdictKind kind) => kind.ToString().ToLowerInvariant();

    public static string Reason(Localizer l, ReasonCode reason) => PageText.VerdictText(l, reason);

    /// <summary>Scan times to the second, in the event's time zone: staff compare them with the clock on the wall.</summary>
    public static string Clock(DateTimeOffset at, TimeZoneInfo zone) => PageText.ScanTime(at, zone);

    public static string InLanguage(string english, string chinese) => Localizer.InReaderLanguage(english, chinese);

    /// <summary>The language the page is not in: a gate shows its verdict in both.</summary>
    public static string OtherLanguage => Localizer.LanguageOf(CultureInfo.CurrentUICulture) == Localizer.Chinese ? Localizer.English : Localizer.Chinese;

    public static string InOtherLanguage(string english, string chinese) => OtherLanguage == Localizer.Chinese ? chinese : english;

    public static string ZoneLabel(IReadOnlyDictionary<int, ZoneView> zones, int zone, string fallback) =>
        zones.TryGetValue(zone, out var z) ? $"{z.Code} · {InLanguage(z.NameEn, z.NameZh)}" : fallback;

    /// <summary>Black or white, whichever reads better on the category's colour (#RRGGBB); white when the colour is not one.</summary>
    public static string TextOn(string colour)
    {
        if (colour.Length != 7 || colour[0] != '#' || !int.TryParse(colour.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
        {
            return "#fff";
        }

        var luminance = (0.299 * ((rgb >> 16) & 0xFF)) + (0.587 * ((rgb >> 8) & 0xFF)) + (0.114 * (rgb & 0xFF));
        return luminance > 160 ? "#000" : "#fff";
    }
}
