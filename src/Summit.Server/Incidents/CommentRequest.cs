namespace Summit.Server.Incidents;

public sealed record CommentRequest(string? Text);
