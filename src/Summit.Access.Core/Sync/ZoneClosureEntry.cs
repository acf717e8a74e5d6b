namespace Summit.Access.Core.Sync;

/// <summary>A zone closed to entries from <paramref name="From"/> until <paramref name="Until"/> (half-open), as the gates receive it.</summary>
public sealed record ZoneClosureEntry(int Zone, DateTimeOffset From, DateTimeOffset Until);
