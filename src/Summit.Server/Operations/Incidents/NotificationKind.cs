namespace Summit.Server.Operations.Incidents;

public enum NotificationKind
{
    Raised,
    Assigned,
    Escalated,
}
