namespace Summit.Server.Programme.Sessions;

public sealed record ItemView(Guid Id, int Position, string TitleEn, string TitleZh, int? Minutes);
