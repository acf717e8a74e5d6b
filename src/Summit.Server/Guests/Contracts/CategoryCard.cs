namespace Summit.Server.Guests.Contracts;

/// <summary>An accreditation category as other modules see it.</summary>
public sealed record CategoryCard(Guid Id, string Code, string NameEn, string NameZh, string Colour, int SortOrder)
{
    public string Name(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && NameZh.Length > 0 ? NameZh : NameEn;

    /// <summary>Code and name for a choice list ("Media · 媒体"); the name alone where it says the same as the code ("VIP", not "VIP · VIP").</summary>
    public string Label(string language) =>
        string.Equals(Name(language), Code, StringComparison.OrdinalIgnoreCase) ? Name(language) : $"{Code} · {Name(language)}";
}
