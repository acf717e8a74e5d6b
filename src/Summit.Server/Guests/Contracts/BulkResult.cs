namespace Summit.Server.Guests.Contracts;

public sealed record BulkResult(int Succeeded, IReadOnlyList<BulkRefusal> Refused);
