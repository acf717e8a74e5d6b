namespace Summit.Server.Guests;

public sealed record BulkResult(int Succeeded, IReadOnlyList<BulkRefusal> Refused);
