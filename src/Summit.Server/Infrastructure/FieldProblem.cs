namespace Summit.Server;

/// <summary>A problem with one field of a form, an API body or an import row.</summary>
public sealed record FieldProblem(string Field, string Code, string Message);
