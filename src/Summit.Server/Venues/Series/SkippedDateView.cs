namespace Summit.Server.Venues.Series;

/// <summary>A date left out of a series, with what it collided with when the series was made ("Overlap: Ministerial talks").</summary>
public sealed record SkippedDateView(DateOnly Date, string Conflicts, DateTimeOffset SkippedAt);
