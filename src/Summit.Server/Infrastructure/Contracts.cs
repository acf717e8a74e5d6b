namespace Summit.Server;

/// <summary>A problem with one field of a form, an API body or an import row.</summary>
public sealed record FieldProblem(string Field, string Code, string Message);

/// <summary>One page of a list, with the total count of matching items.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
