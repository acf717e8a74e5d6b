namespace Summit.Server.Guests.Contracts;

public sealed record BulkRefusal(Guid GuestId, string Code, string Message);
