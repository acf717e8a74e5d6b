namespace Summit.Server.Programme.Rules;

/// <summary>
/// A person's availability windows (none means available throughout), and whether they are withdrawn (their data erased: they keep their
/// place in sessions as "Speaker withdrawn", but nobody will stand there, so no rule about a person applies to them).
/// </summary>
public sealed record PersonFacts(Guid Id, IReadOnlyList<TimeWindow> Availability, bool Withdrawn = false);
