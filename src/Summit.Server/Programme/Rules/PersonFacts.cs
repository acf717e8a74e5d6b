namespace Summit.Server.Programme.Rules;

/// <summary>A person's availability windows; none means available throughout.</summary>
public sealed record PersonFacts(Guid Id, IReadOnlyList<TimeWindow> Availability);
