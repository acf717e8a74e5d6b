namespace Summit.GateAgent;

/// <summary>A refused local request (bad JSON, body too large), in both languages.</summary>
public sealed record LocalProblem(string Code, string Title, string TitleZh);
