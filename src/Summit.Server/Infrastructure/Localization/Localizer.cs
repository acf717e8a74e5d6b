using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Summit.Access.Core;

namespace Summit.Server.Infrastructure.Localization;

/// <summary>
/// Every text a user sees, in English and Simplified Chinese, from JSON catalogs embedded in the
/// assembly: one file per module and language (guests.en.json, guests.zh-Hans.json...), and the gate verdicts' texts
/// (<c>verdict.&lt;Reason&gt;</c>) from <see cref="GateVerdictTexts"/>. A missing key shows as [key] so that gaps are visible, and a unit test
/// keeps both catalogs on the same keys.
/// </summary>
public sealed class Localizer
{
    public const string English = "en";
    public const string Chinese = "zh-Hans";
    public static readonly IReadOnlyList<string> Languages = [English, Chinese];

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _catalogs;

    public Localizer()
    {
        _catalogs = Languages.ToFrozenDictionary(lang => lang, LoadCatalog);
    }

    public string this[string key] => Get(CultureInfo.CurrentUICulture, key);

    public string this[string key, params object[] args] => Format(CultureInfo.CurrentUICulture, key, args);

    public IReadOnlyCollection<string> Keys(string language) => _catalogs[language].Keys;

    public static string LanguageOf(CultureInfo culture) =>
        culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    /// <summary>Data kept in both languages (a category, a venue) in the reader's language; the English text while the Chinese one is empty.</summary>
    public static string InReaderLanguage(string english, string? chinese) =>
        LanguageOf(CultureInfo.CurrentUICulture) == Chinese && !string.IsNullOrWhiteSpace(chinese) ? chinese : english;

    public static string NormalizeLanguage(string? language) =>
        language is not null && language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;

    public static bool IsSupported(string? language) =>
        language is not null && Languages.Contains(language, StringComparer.OrdinalIgnoreCase);

    public string Get(CultureInfo culture, string key) => Get(LanguageOf(culture), key);

    public string Get(string language, string key)
    {
        var catalog = _catalogs[NormalizeLanguage(language)];
        if (catalog.TryGetValue(key, out var text))
        {
            return text;
        }

        return _catalogs[English].TryGetValue(key, out var fallback) ? fallback : $"[{key}]";
    }

    public bool Has(string key) => _catalogs[English].ContainsKey(key);

    public string Format(string key, IReadOnlyList<object> args) => Format(CultureInfo.CurrentUICulture, key, args);

    public string Format(CultureInfo culture, string key, IReadOnlyList<object> args)
    {
        var language = LanguageOf(culture);
        var localizedArgs = args.Select(a => a is Enum e ? Get(language, $"enum.{e.GetType().Name}.{e}") : a).ToArray();
        var template = Get(language, key);
        try
        {
            return string.Format(culture, template, localizedArgs);
        }
        catch (FormatException)
        {
            // A text with more placeholders than values must still say something useful.
            return template + " " + string.Join(", ", localizedArgs);
        }
    }

    public string Format(string language, string key, params object[] args) =>
        Format(CultureInfo.GetCultureInfo(NormalizeLanguage(language)), key, args);

    public string Enum<TEnum>(TEnum value) where TEnum : struct, Enum => this[$"enum.{typeof(TEnum).Name}.{value}"];

    private static FrozenDictionary<string, string> LoadCatalog(string language)
    {
        var assembly = Assembly.GetExecutingAssembly();
        // The gate verdicts' words are Summit.Access.Core's, shared with the gate agent: a JSON catalog that also defines one is refused below.
        var entries = System.Enum.GetValues<ReasonCode>().ToDictionary(r => $"verdict.{r}", r => GateVerdictTexts.For(r).In(language), StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith($".{language}.json", StringComparison.Ordinal)
                     && n.Contains(".Localization.", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var catalog = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"Empty catalog {name}");
            foreach (var (key, text) in catalog)
            {
                if (!entries.TryAdd(key, text))
                {
                    throw new InvalidOperationException($"Text key {key} is defined twice ({name}).");
                }
            }
        }

        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
