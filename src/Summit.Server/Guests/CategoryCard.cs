namespace Summit.Server.Guests;

/// <summary>An accreditation category as other modules see it.</summary>
public sealed record CategoryCard(Guid Id, string Code, string NameEn, string NameZh, string Colour, int SortOrder)
{
    public string Name(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZh : NameEn;
}
