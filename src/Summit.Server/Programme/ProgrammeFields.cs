using System.Text.RegularExpressions;

namespace Summit.Server.Programme;

/// <summary>The programme's field checks beyond required and too long: optional text, a number in range, language codes.</summary>
internal static partial class ProgrammeFields
{
    public static string Optional(FieldChecks checks, string field, string labelKey, string? value, int max)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length > max)
        {
            checks.Add(field, labelKey, ErrorCodes.FieldTooLong, max);
        }

        return trimmed;
    }

    public static void InRange(FieldChecks checks, string field, string labelKey, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            checks.Add(field, labelKey, ErrorCodes.NumberOutOfRange, min, max);
        }
    }

    public static void Known<TEnum>(FieldChecks checks, string field, string labelKey, TEnum value) where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            checks.Add(field, labelKey, ProgrammeErrors.ValueUnknown, value);
        }
    }

    /// <summary>A BCP 47 tag of a language and optional script or region ("en", "zh-Hans", "pt-BR"), as sessions name their languages.</summary>
    public static bool IsLanguage(string code) => LanguageTag().IsMatch(code);

    /// <summary>
    /// A join link: an absolute https address with a host and no user name or password in it (a link is shown to guests and may be published;
    /// credentials belong in the meeting service, not in the address). The length is checked with the field.
    /// </summary>
    public static bool IsJoinLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0 && uri.UserInfo.Length == 0
        && !link.Any(char.IsWhiteSpace);

    /// <summary>Comma-separated language codes, each checked, duplicates dropped.</summary>
    public static string Languages(FieldChecks checks, string field, string labelKey, IEnumerable<string>? codes)
    {
        var list = (codes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var bad in list.Where(c => !IsLanguage(c)))
        {
            checks.Add(field, labelKey, ProgrammeErrors.LanguageInvalid, bad);
        }

        var joined = string.Join(',', list);
        if (joined.Length > ProgrammeLimits.ChannelsLength)
        {
            checks.Add(field, labelKey, ErrorCodes.FieldTooLong, ProgrammeLimits.ChannelsLength);
        }

        return joined;
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")]
    private static partial Regex LanguageTag();
}
