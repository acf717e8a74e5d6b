namespace Summit.Server.Incidents;

/// <summary>A bell entry: a staff user was told about an incident (raised, assigned to them, escalated).</summary>
public sealed class IncidentNotification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public Guid IncidentId { get; set; }
    public int Number { get; set; }
    public NotificationKind Kind { get; set; }
    public string TitleEn { get; set; } = "";
    public string TitleZh { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
