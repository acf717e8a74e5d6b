namespace Summit.Server.Venues.Bookings;

/// <summary>A room free for a refused booking, in rank order: same venue, building and floor first, then the closest fit.</summary>
public sealed record RoomAlternativeView(
    Guid RoomId,
    string Code,
    string NameEn,
    string NameZh,
    string VenueNameEn,
    string VenueNameZh,
    string Building,
    string Floor,
    int Capacity);
