namespace Summit.Server.Access.Domain;

/// <summary>A person no gate may admit, whatever their credential (security decision, with a reason).</summary>
public sealed class PersonBlock
{
    public Guid GuestId { get; set; }
    public Guid EventId { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset BlockedAt { get; set; }
    public string BlockedBy { get; set; } = "";
}
