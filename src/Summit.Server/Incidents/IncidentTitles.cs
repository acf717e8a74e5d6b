using System.Text.Json;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Incidents;

/// <summary>
/// An incident's title in a reader's language: an automatic incident's from its catalog key and arguments, so that a Chinese reader
/// reads the current Chinese wording; a staff-written title as written. The title as raised stays as the fallback for a key
/// that a later version no longer has.
/// </summary>
public static class IncidentTitles
{
    public const int KeyLength = 100;
    public const int ArgumentsLength = 2000;

    private const int MaxArguments = 8;
    private const int ArgumentLength = 200;

    /// <summary>Writes the text's key and arguments to the incident, with the English and Chinese titles as raised.</summary>
    public static void Apply(Incident incident, IncidentText title, Localizer localizer)
    {
        var arguments = title.Arguments.Take(MaxArguments)
            .Select(a => new IncidentTextArgument(IncidentStore.Clip(a.Value, ArgumentLength), a.ValueZh is null ? null : IncidentStore.Clip(a.ValueZh, ArgumentLength))).ToList();
        var json = JsonSerializer.Serialize(arguments, JsonSerializerOptions.Web);
        var keyed = title.Key.Length <= KeyLength && json.Length <= ArgumentsLength && localizer.Has(title.Key);
        incident.TitleKey = keyed ? title.Key : null;
        incident.TitleArguments = keyed ? json : null;
        incident.Title = IncidentStore.Clip(Render(localizer, title.Key, arguments, Localizer.English), IncidentLimits.Title);
        incident.TitleZh = IncidentStore.Clip(Render(localizer, title.Key, arguments, Localizer.Chinese), IncidentLimits.Title);
    }

    /// <summary>The title in the language: rendered from its key when it has one the catalog knows, else as stored.</summary>
    public static string In(Incident incident, string language, Localizer localizer)
    {
        if (incident.TitleKey is { } key && localizer.Has(key) && Arguments(incident) is { } arguments)
        {
            return Render(localizer, key, arguments, language);
        }

        return language == Localizer.Chinese && !string.IsNullOrEmpty(incident.TitleZh) ? incident.TitleZh : incident.Title;
    }

    /// <summary>Staff wrote over the title (an erasure): the key no longer says what the title says.</summary>
    public static void Forget(Incident incident)
    {
        incident.TitleKey = null;
        incident.TitleArguments = null;
    }

    private static List<IncidentTextArgument>? Arguments(Incident incident)
    {
        try
        {
            return JsonSerializer.Deserialize<List<IncidentTextArgument>>(incident.TitleArguments ?? "[]", JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Render(Localizer localizer, string key, IReadOnlyList<IncidentTextArgument> arguments, string language) =>
        localizer.Format(language, key, [.. arguments.Select(a => (object)a.In(language))]);
}
