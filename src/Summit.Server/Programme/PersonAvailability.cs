namespace Summit.Server.Programme;

/// <summary>A window [From, Until) in which a person can be on stage; a person with no window is taken to be available throughout.</summary>
public sealed class PersonAvailability
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PersonId { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset Until { get; set; }
}
