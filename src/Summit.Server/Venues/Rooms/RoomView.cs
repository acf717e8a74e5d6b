namespace Summit.Server.Venues.Rooms;

public sealed record RoomView(
    Guid Id,
    Guid VenueId,
    string VenueNameEn,
    string VenueNameZh,
    string Code,
    string NameEn,
    string NameZh,
    string Building,
    string Floor,
    int TheatreCapacity,
    int ClassroomCapacity,
    int BanquetCapacity,
    int BoardroomCapacity,
    string Features,
    string AccessibilityNote,
    TimeOnly? OpensAt,
    TimeOnly? ClosesAt,
    int SetupMinutes,
    int TeardownMinutes,
    Guid? ZoneId,
    string? ZoneCode,
    int SortOrder,
    int? NoShowMinutes = null,
    string CrewEmail = "")
{
    public static RoomView From(Room r, Venue v, string? zoneCode) => new(r.Id, v.Id, v.NameEn, v.NameZh, r.Code, r.NameEn, r.NameZh, r.Building, r.Floor,
        r.TheatreCapacity, r.ClassroomCapacity, r.BanquetCapacity, r.BoardroomCapacity, r.Features, r.AccessibilityNote, r.OpensAt, r.ClosesAt,
        r.SetupMinutes, r.TeardownMinutes, r.ZoneId, zoneCode, r.SortOrder, r.NoShowMinutes, r.CrewEmail);
}
