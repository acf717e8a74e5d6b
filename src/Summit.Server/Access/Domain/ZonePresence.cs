namespace Summit.Server.Access.Domain;

/// <summary>Where a credential stands in one zone, kept in step with the admitted scans; the row anti-passback locks.</summary>
public sealed class ZonePresence
{
    public Guid CredentialId { get; set; }
    public int Zone { get; set; }
    public Guid EventId { get; set; }
    public Guid GuestId { get; set; }
    public bool Inside { get; set; }
    public DateTimeOffset? LastEntryAt { get; set; }
    public DateTimeOffset? LastExitAt { get; set; }
    public DateTimeOffset DayStart { get; set; }
    public int EntriesInDay { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
