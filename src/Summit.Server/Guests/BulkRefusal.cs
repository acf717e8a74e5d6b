namespace Summit.Server.Guests;

public sealed record BulkRefusal(Guid GuestId, string Code, string Message);
