namespace Summit.Server.Operations.Incidents;

public sealed record CommentRequest(string? Text);
