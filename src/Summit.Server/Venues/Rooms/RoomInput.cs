namespace Summit.Server.Venues.Rooms;

/// <summary>A room as created or changed. Capacities of 0 mean the room cannot be set out in that layout; buffers left out take the defaults.</summary>
public sealed record RoomInput(
    Guid VenueId,
    string Code,
    string NameEn,
    string NameZh,
    string? Building = null,
    string? Floor = null,
    int TheatreCapacity = 0,
    int ClassroomCapacity = 0,
    int BanquetCapacity = 0,
    int BoardroomCapacity = 0,
    string? Features = null,
    string? AccessibilityNote = null,
    TimeOnly? OpensAt = null,
    TimeOnly? ClosesAt = null,
    int? SetupMinutes = null,
    int? TeardownMinutes = null,
    Guid? ZoneId = null,
    int SortOrder = 0,
    int? NoShowMinutes = null,
    string? CrewEmail = null);
