namespace Summit.Server.Venues;

/// <summary>A room closed for a period (a security sweep before a head of state arrives): no booking may hold it then.</summary>
public sealed class RoomBlocking
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoomId { get; set; }
    public DateTimeOffset From { get; set; }
    public DateTimeOffset Until { get; set; }
    public string Reason { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}
