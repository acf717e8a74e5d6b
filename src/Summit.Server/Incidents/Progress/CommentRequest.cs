namespace Summit.Server.Incidents.Progress;

public sealed record CommentRequest(string? Text);
