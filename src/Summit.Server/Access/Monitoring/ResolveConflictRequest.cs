namespace Summit.Server.Access.Monitoring;

public sealed record ResolveConflictRequest(string Resolution);
