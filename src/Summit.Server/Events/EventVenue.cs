namespace Summit.Server.Events;

public sealed class EventVenue
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
}
