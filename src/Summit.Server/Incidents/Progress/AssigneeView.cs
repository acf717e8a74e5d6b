namespace Summit.Server.Incidents.Progress;

public sealed record AssigneeView(string Id, string Name, IReadOnlyList<string> Teams);
