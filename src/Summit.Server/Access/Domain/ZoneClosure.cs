namespace Summit.Server.Access.Domain;

/// <summary>
/// A zone closed to entries for a period on another module's behalf (Venues: a blocked room's zone), named by its
/// <see cref="Owner"/> ("venues.blocking:{id}"), which opens, moves or lifts it. The gates refuse entries while it lasts.
/// </summary>
public sealed class ZoneClosure
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid ZoneId { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset Until { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>Who closed it, as that module names it: one closure per owner.</summary>
    public string Owner { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
