namespace Summit.Server.Incidents;

public sealed record NotificationView(Guid Id, string Number, NotificationKind Kind, string TitleEn, string TitleZh, DateTimeOffset At, bool Read);
