using System.Collections.Frozen;
using System.Reflection;

namespace Summit.Server.Guests.Contracts;

/// <summary>The ISO 3166-1 list of countries and regions, in English and Chinese (from Debian's iso-codes).</summary>
public static class Countries
{
    private static readonly Lazy<FrozenDictionary<string, Country>> ByCode = new(Load);

    public static IReadOnlyCollection<Country> All => ByCode.Value.Values;

    public static Country? Find(string? codeOrName)
    {
        if (string.IsNullOrWhiteSpace(codeOrName))
        {
            return null;
        }

        var value = codeOrName.Trim();
        if (ByCode.Value.TryGetValue(value.ToUpperInvariant(), out var byCode))
        {
            return byCode;
        }

        return ByCode.Value.Values.FirstOrDefault(c =>
            string.Equals(c.NameEn, value, StringComparison.OrdinalIgnoreCase) || c.NameZh == value);
    }

    public static string NameOf(string code, string language) => Find(code)?.Name(language) ?? code;

    private static FrozenDictionary<string, Country> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("countries.txt", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var countries = new List<Country>();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split('|');
            if (parts.Length == 3)
            {
                countries.Add(new Country(parts[0], parts[1], parts[2]));
            }
        }

        return countries.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
    }
}
