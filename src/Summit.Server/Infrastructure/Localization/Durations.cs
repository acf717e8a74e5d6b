using System.Globalization;

namespace Summit.Server.Infrastructure.Localization;

/// <summary>A length of time as people say it, in whole units: "45 s", "2 min", "1 min 30 s", "1 h 15 min" (and "45 秒", "2 分钟"...).</summary>
public static class Durations
{
    public static string Duration(this Localizer localizer, TimeSpan span) => localizer.Duration(CultureInfo.CurrentUICulture, span);

    public static string Duration(this Localizer localizer, CultureInfo culture, TimeSpan span)
    {
        var seconds = (long)Math.Round(Math.Max(0, span.TotalSeconds));
        var (hours, minutes, rest) = (seconds / 3600, seconds % 3600 / 60, seconds % 60);
        return (hours, minutes, rest) switch
        {
            (0, 0, _) => localizer.Format(culture, "duration.seconds", [rest]),
            (0, _, 0) => localizer.Format(culture, "duration.minutes", [minutes]),
            (0, _, _) => localizer.Format(culture, "duration.minutes_seconds", [minutes, rest]),
            // Past an hour the seconds say nothing.
            (_, 0, _) => localizer.Format(culture, "duration.hours", [hours]),
            _ => localizer.Format(culture, "duration.hours_minutes", [hours, minutes]),
        };
    }
}
