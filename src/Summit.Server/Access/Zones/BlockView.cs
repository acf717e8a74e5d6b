namespace Summit.Server.Access.Zones;

public sealed record BlockView(Guid GuestId, string Reason, DateTimeOffset BlockedAt, string BlockedBy);
