namespace Summit.Server.Venues.Blockings;

public sealed record BlockingView(Guid Id, Guid RoomId, DateTimeOffset From, DateTimeOffset Until, string Reason, DateTimeOffset CreatedAt, string CreatedBy)
{
    public static BlockingView Of(RoomBlocking b) => new(b.Id, b.RoomId, b.From, b.Until, b.Reason, b.CreatedAt, b.CreatedBy);
}
