using System.Globalization;

namespace Summit.Server.Infrastructure.Incidents;

/// <summary>One argument of an <see cref="IncidentText"/>: a code or number that reads the same in every language, or a name with its Chinese form.</summary>
public sealed record IncidentTextArgument(string Value, string? ValueZh = null)
{
    public string In(string language) =>
        language == Localization.Localizer.Chinese && !string.IsNullOrEmpty(ValueZh) ? ValueZh : Value;

    public static implicit operator IncidentTextArgument(string value) => new(value);

    public static implicit operator IncidentTextArgument(int value) => new(value.ToString(CultureInfo.InvariantCulture));
}
