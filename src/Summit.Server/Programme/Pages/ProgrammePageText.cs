using System.Globalization;
using MudBlazor;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Programme.Rules;

namespace Summit.Server.Programme.Pages;

/// <summary>How the programme pages write titles, times, severities and where a session stands on a day's grid.</summary>
public static class ProgrammePageText
{
    public static string Title(string en, string zh) => Localizer.InReaderLanguage(en, zh);

    /// <summary>A language tag as the reader's language names it (中文 for zh-Hans); a tag without a name stays as it is.</summary>
    public static string LanguageName(Localizer localizer, string tag) =>
        localizer.Has("programme.language." + tag) ? localizer["programme.language." + tag] : tag;

    public static string Clock(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The instant of a local day and time in the event's zone.</summary>
    public static DateTimeOffset LocalAt(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>A refused edit's own reasons (the rules' conflicts or the venue's), as sentences in the reader's language.</summary>
    public static IReadOnlyList<string> Reasons(SummitException ex) => ex.Details switch
    {
        Sessions.ProgrammeRefusal refusal => [.. refusal.Conflicts.Select(c => c.Message), .. refusal.VenueConflicts.Select(c => c.Message)],
        _ => [],
    };

    /// <summary>Errors stop the edit or the release; warnings are for staff to weigh.</summary>
    public static Color SeverityColor(RuleSeverity? severity) => severity switch
    {
        RuleSeverity.BlockEdit or RuleSeverity.BlockRelease => Color.Error,
        RuleSeverity.Warn => Color.Warning,
        _ => Color.Default,
    };

    /// <summary>The CSS left and width (in % of the grid) of the part of [from, until) inside [gridFrom, gridUntil).</summary>
    public static string Span(DateTimeOffset from, DateTimeOffset until, DateTimeOffset gridFrom, DateTimeOffset gridUntil)
    {
        var length = (gridUntil - gridFrom).TotalMinutes;
        var start = Math.Clamp((from - gridFrom).TotalMinutes, 0, length);
        var end = Math.Clamp((until - gridFrom).TotalMinutes, 0, length);
        return FormattableString.Invariant($"left:{start * 100 / length:0.###}%;width:{Math.Max(0, end - start) * 100 / length:0.###}%");
    }
}
