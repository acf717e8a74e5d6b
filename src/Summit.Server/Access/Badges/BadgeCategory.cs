namespace Summit.Server.Access.Badges;

/// <summary>An accreditation category as printed in the colour band.</summary>
/// <param name="Colour">The band colour as "#RRGGBB"; the category name is printed on it in black or white, whichever contrasts more.</param>
public sealed record BadgeCategory(string Code, string NameEn, string NameZh, string Colour);
