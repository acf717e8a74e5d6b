namespace Summit.Server;

/// <summary>One page of a list, with the total count of matching items.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
