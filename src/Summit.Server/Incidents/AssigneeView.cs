namespace Summit.Server.Incidents;

public sealed record AssigneeView(string Id, string Name, IReadOnlyList<string> Teams);
