namespace Summit.Server.Events;

public sealed class EventVenue
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    /// <summary>The English name; zones refer to the venue by it.</summary>
    public string Name { get; set; } = "";

    /// <summary>The Chinese name; empty for a venue named before venues had one, which then reads in English.</summary>
    public string? NameZh { get; set; }
    public int SortOrder { get; set; }
}
