namespace Summit.Server.Access.Domain;

/// <summary>Two admitted entries of one credential into one zone without an exit between them, seen once offline gates synced.</summary>
public sealed class EntryConflict
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid CredentialId { get; set; }
    public Guid GuestId { get; set; }
    public int Zone { get; set; }
    public Guid FirstScanId { get; set; }
    public Guid SecondScanId { get; set; }
    public DateTimeOffset DetectedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? Resolution { get; set; }
}
