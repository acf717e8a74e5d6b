namespace Summit.Server.Programme.Forums;

/// <summary>A forum as staff write it: kind, titles in both languages, the organizing partner and the sector, and its place in the list.</summary>
public sealed record ForumInput(ForumKind Kind, string TitleEn, string TitleZh, string? Partner = null, string? Sector = null, int SortOrder = 0);
