namespace Summit.Server.Operations.Incidents;

public sealed record AssigneeView(string Id, string Name, IReadOnlyList<string> Teams);
