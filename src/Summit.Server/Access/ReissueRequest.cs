namespace Summit.Server.Access;

public sealed record ReissueRequest(string? Reason);
