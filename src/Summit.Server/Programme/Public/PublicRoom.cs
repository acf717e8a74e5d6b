namespace Summit.Server.Programme.Public;

/// <summary>A room of the released programme and its venue.</summary>
public sealed record PublicRoom(Guid Id, string NameEn, string NameZh, string VenueNameEn, string VenueNameZh);
