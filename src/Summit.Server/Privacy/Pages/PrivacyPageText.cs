using System.Globalization;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Privacy.Pages;

/// <summary>How the privacy pages name modules, records and fields and show values, in the reader's language.</summary>
public static class PrivacyPageText
{
    public static string CurrentLanguage => Localizer.LanguageOf(CultureInfo.CurrentUICulture);

    public static string AreaTitle(Localizer l, string area) => Label(l, $"privacy.area.{area}", area);

    public static string KindTitle(Localizer l, string area, string kind) => Label(l, $"personal.{area}.kind.{kind}", kind);

    public static string FieldLabel(Localizer l, string area, string field) => Label(l, $"personal.{area}.field.{field}", field);

    public static string CountLabel(Localizer l, DataCount count) => Label(l, $"personal.{count.Area}.count.{count.Kind}", count.Kind);

    public static string ActionLabel(Localizer l, DataAction action) => l[$"enum.DataAction.{action}"];

    /// <summary>Times in UTC with the zone named: the officer hands the copy to someone anywhere.</summary>
    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A field's value as a person reads it: enums and verdicts in words, times in UTC, flags as yes or no.</summary>
    public static string Value(Localizer l, object? value) => value switch
    {
        null => "—",
        string text => text.Length == 0 ? "—" : text,
        bool flag => l[flag ? "privacy.yes" : "privacy.no"],
        DateTimeOffset time => Time(time),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        byte[] bytes => l["privacy.subject.bytes", Math.Max(1, bytes.Length / 1024)],
        // A gate's verdict has its words under "verdict.", as on the gate console.
        Enum e when e.GetType().Name == "ReasonCode" && l.Has($"verdict.{e}") => l[$"verdict.{e}"],
        Enum e when l.Has($"enum.{e.GetType().Name}.{e}") => l[$"enum.{e.GetType().Name}.{e}"],
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Label(Localizer l, string key, string fallback) => l.Has(key) ? l[key] : fallback;
}
