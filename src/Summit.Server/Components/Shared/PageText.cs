using System.Globalization;
using Summit.Access.Core;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Components.Shared;

/// <summary>
/// Formatting shared by the staff pages of every module: times in the event's zone, gate verdicts, empty values, a refused form's
/// problems. It names no module; what only one module's pages show (the guest pages' countries, languages and audit changes) is in
/// that module's Pages (<c>Guests/Pages/GuestPageText</c>).
/// </summary>
public static class PageText
{
    public static string CurrentLanguage => Localizer.LanguageOf(CultureInfo.CurrentUICulture);

    public static TimeZoneInfo ZoneOf(string timeZoneId) => EventTime.Zone(timeZoneId);

    /// <summary>Staff work on site, so times show in the event's time zone, with its label.</summary>
    public static string Time(DateTimeOffset at, TimeZoneInfo zone) => EventTime.Format(at, zone);

    /// <summary>Scan times to the second, in the event's time zone: staff compare them with the clock on the wall.</summary>
    public static string ScanTime(DateTimeOffset at, TimeZoneInfo zone) => EventTime.Format(at, zone, TimeStyle.Seconds);

    /// <summary>A gate's verdict on a scan (its reason) in the reader's language, from the one verdict catalog.</summary>
    public static string VerdictText(Localizer l, ReasonCode reason) => l[$"verdict.{reason}"];

    public static string Display(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value;

    /// <summary>The field problems of a refused form, keyed by field.</summary>
    public static Dictionary<string, string> ProblemsByField(SummitException ex, Localizer l)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        if (ex.Details is IEnumerable<FieldProblem> fieldProblems)
        {
            foreach (var problem in fieldProblems)
            {
                problems[problem.Field] = problems.TryGetValue(problem.Field, out var earlier) ? earlier + " " + problem.Message : problem.Message;
            }
        }

        return problems;
    }
}
