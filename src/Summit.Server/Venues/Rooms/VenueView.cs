namespace Summit.Server.Venues.Rooms;

public sealed record VenueView(Guid Id, string NameEn, string NameZh, int SortOrder);
