namespace Summit.Server.Events.Contracts;

/// <summary>A venue of the event by its English name (which zones use) and its Chinese one, if it has one.</summary>
public sealed record VenueName(string Name, string? NameZh);
