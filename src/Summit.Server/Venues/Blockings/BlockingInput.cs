namespace Summit.Server.Venues.Blockings;

public sealed record BlockingInput(Guid RoomId, DateTimeOffset From, DateTimeOffset Until, string Reason);
