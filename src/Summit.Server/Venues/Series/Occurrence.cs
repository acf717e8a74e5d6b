namespace Summit.Server.Venues.Series;

/// <summary>One date of a series, with the instants (UTC) its local start and end time fall on that date.</summary>
public sealed record Occurrence(DateOnly Date, DateTimeOffset StartsAt, DateTimeOffset EndsAt);
