namespace Summit.Server.Access.Contracts;

/// <summary>A zone's closure as other modules and the pages read it.</summary>
public sealed record ZoneClosureView(Guid Id, Guid ZoneId, int ZoneNumber, string ZoneCode, DateTimeOffset From, DateTimeOffset Until, string Reason,
    string Owner);
