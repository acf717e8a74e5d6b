namespace Summit.Server.Venues.Series;

/// <summary>The details of a refused series (the problem's <c>details</c>): each conflicting date with its conflicts, in date order.</summary>
public sealed record SeriesRefusal(int Dates, IReadOnlyList<SeriesDateConflicts> Conflicting);
