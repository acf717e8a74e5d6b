namespace Summit.Server.Venues.Series;

/// <summary>A skipped date of a series to add back.</summary>
public sealed record SeriesDateInput(DateOnly Date);
