namespace Summit.Server.Privacy.Contracts;

/// <summary>What an erasure or a purge does, or would do, to one kind of record of one module.</summary>
/// <param name="Kind">A stable word for the records ("photo", "scan-link", "mail").</param>
public sealed record DataCount(string Area, string Kind, DataAction Action, int Count);
