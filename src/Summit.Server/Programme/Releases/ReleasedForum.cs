namespace Summit.Server.Programme.Releases;

/// <summary>A forum as released: its kind, titles, sector and place in the list.</summary>
public sealed record ReleasedForum(Guid Id, ForumKind Kind, string TitleEn, string TitleZh, string Sector, int SortOrder);
