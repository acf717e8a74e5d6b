namespace Summit.Server.Privacy;

/// <summary>The retention period an admin set for one event; none stored means the configured default applies (ADR 0013).</summary>
public sealed class PrivacySettings
{
    public Guid EventId { get; set; }

    /// <summary>Days after the end of the event's last day (in its time zone) that personal data is kept.</summary>
    public int RetentionDays { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
