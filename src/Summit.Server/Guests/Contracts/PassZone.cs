namespace Summit.Server.Guests.Contracts;

/// <summary>A zone a credential opens, as its holder reads it.</summary>
public sealed record PassZone(string Code, string NameEn, string NameZh)
{
    public string Name(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && NameZh.Length > 0 ? NameZh : NameEn;
}
