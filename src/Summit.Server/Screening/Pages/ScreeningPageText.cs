using System.Globalization;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Screening.Pages;

/// <summary>How screening pages write degrees and refusal reasons.</summary>
public static class ScreeningPageText
{
    public static string Degrees(double celsius) => celsius.ToString("0.0", CultureInfo.InvariantCulture) + " °C";

    public static string Reason(Localizer l, string reason) => l.Has($"screening.reason.{reason}") ? l[$"screening.reason.{reason}"] : reason;
}
