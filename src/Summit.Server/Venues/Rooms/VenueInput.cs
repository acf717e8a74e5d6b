namespace Summit.Server.Venues.Rooms;

public sealed record VenueInput(string NameEn, string NameZh, int SortOrder = 0);
