namespace Summit.Server.Programme;

/// <summary>
/// A guest's personal iCalendar feed: its id and the SHA-256 hash of its secret key, both in the feed's address; the key itself is shown
/// once, when the guest makes or renews the feed. Renewing replaces the row (a new id and key), revoking deletes it, so an old address stops
/// working at once.
/// </summary>
public sealed class AgendaFeed
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid GuestId { get; set; }
    public string KeyHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
