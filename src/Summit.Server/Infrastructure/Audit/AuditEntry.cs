namespace Summit.Server.Infrastructure.Audit;

/// <summary>One audited act: a change (with old and new values) or a read of personal data.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";

    /// <summary>Stable action name, for example guest.updated or guest.photo.viewed.</summary>
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";

    /// <summary>JSON object of field name to { old, new }; null for reads.</summary>
    public string? Changes { get; set; }
    public string? IpAddress { get; set; }
}
