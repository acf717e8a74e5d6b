namespace Summit.Server.Guests.Contracts;

public sealed record Country(string Code, string NameEn, string NameZh)
{
    public string Name(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZh : NameEn;
}
