namespace Summit.Server.Programme.Forums;

public sealed record ForumView(Guid Id, ForumKind Kind, string TitleEn, string TitleZh, string Partner, string Sector, int SortOrder, int SessionCount)
{
    public static ForumView From(Forum f, int sessions) => new(f.Id, f.Kind, f.TitleEn, f.TitleZh, f.Partner, f.Sector, f.SortOrder, sessions);
}
