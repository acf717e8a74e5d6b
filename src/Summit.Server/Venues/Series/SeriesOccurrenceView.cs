namespace Summit.Server.Venues.Series;

/// <summary>One booked date of a series: its booking (cancelled one by one through the booking endpoints) and that booking's state.</summary>
public sealed record SeriesOccurrenceView(DateOnly Date, Guid BookingId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, BookingState State);
