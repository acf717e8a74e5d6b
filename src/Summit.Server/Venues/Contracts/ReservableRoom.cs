namespace Summit.Server.Venues.Contracts;

/// <summary>
/// A room as another module may place things in it: where it is, how many it seats in each layout (0: not in that layout) and its bookable
/// hours each day in the event's time zone (both null: round the clock), the access zone whose gates its doors are (null: none), and the
/// mail address of its crew (empty: none), whom the programme tells of the sessions that change in the room.
/// </summary>
public sealed record ReservableRoom(
    Guid Id,
    Guid VenueId,
    string VenueNameEn,
    string VenueNameZh,
    string Code,
    string NameEn,
    string NameZh,
    int TheatreCapacity,
    int ClassroomCapacity,
    int BanquetCapacity,
    int BoardroomCapacity,
    TimeOnly? OpensAt = null,
    TimeOnly? ClosesAt = null,
    Guid? ZoneId = null,
    string CrewEmail = "")
{
    public int CapacityFor(SeatingLayout layout) => layout switch
    {
        SeatingLayout.Theatre => TheatreCapacity,
        SeatingLayout.Classroom => ClassroomCapacity,
        SeatingLayout.Banquet => BanquetCapacity,
        SeatingLayout.Boardroom => BoardroomCapacity,
        _ => 0,
    };
}
