namespace Summit.Server.Guests;

public sealed record CategoryDto(Guid Id, string Code, string NameEn, string NameZh, string Colour);
