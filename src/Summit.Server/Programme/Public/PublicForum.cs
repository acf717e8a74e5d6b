namespace Summit.Server.Programme.Public;

/// <summary>A forum of the released programme.</summary>
public sealed record PublicForum(Guid Id, ForumKind Kind, string TitleEn, string TitleZh, string Sector);
