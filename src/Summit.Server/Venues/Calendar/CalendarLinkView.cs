namespace Summit.Server.Venues.Calendar;

/// <summary>
/// A room's secret calendar link: whether it has one and since when. <see cref="Path"/> (the feed's address below the server, secret
/// token included) is given only by the call that made or rotated it: only the token's hash is kept, so nobody can read it back later.
/// </summary>
public sealed record CalendarLinkView(Guid RoomId, bool Active, DateTimeOffset? IssuedAt, string? Path = null);
