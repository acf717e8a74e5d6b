using Summit.Server.Venues.Bookings;

namespace Summit.Server.Venues.Series;

/// <summary>One date of a refused series and every conflict it has, as a refused single booking lists them.</summary>
public sealed record SeriesDateConflicts(DateOnly Date, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<ConflictView> Conflicts);
