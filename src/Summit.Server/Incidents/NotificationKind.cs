namespace Summit.Server.Incidents;

public enum NotificationKind
{
    Raised,
    Assigned,
    Escalated,
}
