namespace Summit.Server.Privacy;

public sealed record ExportEvent(Guid Id, string Name, string NameZh, DateOnly StartDate, DateOnly EndDate, int RetentionDays, DateOnly LastDayKept);
