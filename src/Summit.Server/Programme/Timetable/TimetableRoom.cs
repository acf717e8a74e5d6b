namespace Summit.Server.Programme.Timetable;

/// <summary>A row of the timetable grid: a room and its venue.</summary>
public sealed record TimetableRoom(Guid Id, string Code, string NameEn, string NameZh, Guid VenueId, string VenueNameEn, string VenueNameZh);
