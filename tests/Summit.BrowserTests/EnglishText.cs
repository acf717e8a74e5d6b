using System.Text.RegularExpressions;

namespace Summit.BrowserTests;

/// <summary>
/// Finds the English words on a page shown in Chinese. A word of Latin letters passes only when it is data (a guest's name, an
/// organisation, a device's name: see <c>data</c>), a code (no lower-case letter, letters mixed with digits, or an identifier with
/// an underscore: VIP, N1, FORUM-D, sgd_x1; zh-Hans is not one), an e-mail or web address, a configuration key, a time zone id, or
/// one of the few names that stay as they are in Chinese.
/// </summary>
public static partial class EnglishText
{
    /// <summary>Names written the same in Chinese text: the product, protocols and file formats, units.</summary>
    public static readonly IReadOnlySet<string> Untranslated = new HashSet<string>(StringComparer.Ordinal)
    {
        "Summit", "MQTT", "QR", "PDF", "CSV", "XLSX", "Excel", "UTF-8", "ISO", "API", "OpenAPI", "JSON", "TOTP", "UTC", "GMT",
        "IANA", "ID", "IP", "Wi-Fi",
    };

    /// <summary>The words of <paramref name="text"/> that are neither data nor allowed, each once, in the order met.</summary>
    public static IReadOnlyList<string> Find(string text, IReadOnlySet<string> data)
    {
        var words = Addresses().Replace(text, " ");
        return [.. Word().Matches(words).Select(m => m.Value).Where(w => !IsAllowed(w, data)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The Latin words of a piece of data, for the set <see cref="Find"/> lets pass.</summary>
    public static IEnumerable<string> WordsOf(string? data) => data is null ? [] : Word().Matches(Addresses().Replace(data, " ")).Select(m => m.Value);

    private static bool IsAllowed(string word, IReadOnlySet<string> data) =>
        !word.Any(char.IsAsciiLetter) || Untranslated.Contains(word) || data.Contains(word) || IsCode(word);

    private static bool IsCode(string word) =>
        !word.Any(char.IsAsciiLetterLower) || (word.Any(char.IsAsciiDigit) && word.Any(char.IsAsciiLetter)) || word.Contains('_', StringComparison.Ordinal);

    // Latin letters and digits, joined by an apostrophe, dot, dash or underscore ("O'Brien", "zh-Hans", "v1.2").
    [GeneratedRegex(@"[A-Za-z0-9]+(?:['’.\-_][A-Za-z0-9]+)*")]
    private static partial Regex Word();

    // E-mail and web addresses, identifiers with an underscore (token prefixes: sgd_-x1), configuration keys (Summit:Screening:ThresholdCelsius) and IANA time zone ids (Asia/Shanghai).
    [GeneratedRegex(@"[^\s@]+@[^\s@]+|https?://\S+|\S*_\S*|\b[A-Z][A-Za-z]+(?::[A-Z][A-Za-z]+)+\b|\b(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)/[A-Za-z0-9_+\-]+(?:/[A-Za-z_]+)?")]
    private static partial Regex Addresses();
}
