using Summit.Server.Guests.Domain;

namespace Summit.Server.Guests.Categories;

public sealed record CategoryDetail(Guid Id, string Code, string NameEn, string NameZh, string Colour, int SortOrder)
{
    public static CategoryDetail From(AccreditationCategory c) => new(c.Id, c.Code, c.NameEn, c.NameZh, c.Colour, c.SortOrder);
}
