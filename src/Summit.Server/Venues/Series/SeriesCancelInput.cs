namespace Summit.Server.Venues.Series;

/// <summary>
/// Cancels the rest of a series: its pending and confirmed dates from <see cref="From"/> on (event time), or, without it, those not
/// started yet; <see cref="Reason"/> is kept on each booking.
/// </summary>
public sealed record SeriesCancelInput(DateOnly? From = null, string? Reason = null);
