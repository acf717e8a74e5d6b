namespace Summit.Server.Programme.Settings;

public sealed record TravelTimeView(Guid VenueAId, string VenueANameEn, string VenueANameZh, Guid VenueBId, string VenueBNameEn, string VenueBNameZh, int Minutes);
