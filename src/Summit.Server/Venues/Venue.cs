namespace Summit.Server.Venues;

/// <summary>A site of the event (the Wuzhen Internet International Conference and Exhibition Center...), holding rooms.</summary>
public sealed class Venue
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public string NameEn { get; set; } = "";
    public string NameZh { get; set; } = "";
    public int SortOrder { get; set; }
}
