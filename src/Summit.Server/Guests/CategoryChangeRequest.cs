namespace Summit.Server.Guests;

public sealed record CategoryChangeRequest(Guid CategoryId);
