namespace Summit.Server.Programme.Scheduling;

/// <summary>A group of constraints that takes part in making a timetable impossible; each is told to the organizer in words.</summary>
public enum ClashKind
{
    /// <summary>A room's bookable hours, other bookings and blockings, and the sessions that stay in it (subject: the room).</summary>
    RoomTime = 0,

    /// <summary>A person's availability windows (subject: the person).</summary>
    PersonAvailability = 1,

    /// <summary>A person cannot be in two sessions at once (subject: the person).</summary>
    PersonOnePlace = 2,

    /// <summary>A person's travel time between venues (subject: the person).</summary>
    PersonTravel = 3,

    /// <summary>Sessions sharing an audience must not overlap (audience: "forum:{id}" or "sector:{name}").</summary>
    SharedAudience = 4,

    /// <summary>The session must be in a room that seats its expected audience (subject: the session).</summary>
    Capacity = 5,

    /// <summary>No room of the event can be set out in the session's layout (subject: the session).</summary>
    NoRoomInLayout = 6,

    /// <summary>No session of this length fits in any room's open hours on any day (subject: the session).</summary>
    TooLong = 7,

    /// <summary>The solver proved there is no timetable but could not name the cause within the time.</summary>
    Unexplained = 8,

    /// <summary>An equipment item's stock cannot cover the sessions that need it at the same time (subject: the stock item).</summary>
    EquipmentStock = 9,
}
