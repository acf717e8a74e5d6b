namespace Summit.Server.Programme.Releases;

/// <summary>A released version: its number, when and by whom, the comment, how many sessions it holds and how many people were told.</summary>
public sealed record ReleaseSummary(Guid Id, int Number, DateTimeOffset ReleasedAt, string ReleasedBy, string Comment, int SessionCount, int NoticeCount);
