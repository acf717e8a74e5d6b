namespace Summit.Server.Access.Blocks;

public sealed record BlockView(Guid GuestId, string Reason, DateTimeOffset BlockedAt, string BlockedBy);
