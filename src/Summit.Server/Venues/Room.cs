namespace Summit.Server.Venues;

/// <summary>
/// A bookable room of a venue: its capacity per layout, features, accessibility, bookable hours (in the event's time zone), the
/// set-up and tear-down buffers a booking of it holds before and after its time, and the access zone whose gates lead into it.
/// </summary>
public sealed class Room
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VenueId { get; set; }

    /// <summary>A short code unique in the event ("MFH", "SF-07"), used on the timeline.</summary>
    public string Code { get; set; } = "";

    public string NameEn { get; set; } = "";
    public string NameZh { get; set; } = "";
    public string Building { get; set; } = "";
    public string Floor { get; set; } = "";

    public int TheatreCapacity { get; set; }
    public int ClassroomCapacity { get; set; }
    public int BanquetCapacity { get; set; }
    public int BoardroomCapacity { get; set; }

    /// <summary>Fixed equipment and features, as free text ("stage, LED wall, 6 interpretation booths").</summary>
    public string Features { get; set; } = "";

    public string AccessibilityNote { get; set; } = "";

    /// <summary>Bookable from this local time each day; with <see cref="ClosesAt"/> null the room is bookable round the clock.</summary>
    public TimeOnly? OpensAt { get; set; }

    public TimeOnly? ClosesAt { get; set; }

    public int SetupMinutes { get; set; }
    public int TeardownMinutes { get; set; }

    /// <summary>The access zone of the room (Access's zone, chosen through its directory), if its doors are gated.</summary>
    public Guid? ZoneId { get; set; }

    /// <summary>
    /// Release a confirmed booking when nobody has entered the room's zone this many minutes after its start (counted from its start less
    /// the set-up buffer); null: never. Needs <see cref="ZoneId"/>: without gates nobody's entry is known.
    /// </summary>
    public int? NoShowMinutes { get; set; }

    public int SortOrder { get; set; }

    /// <summary>
    /// The mail address of the room's crew (stage, sound and interpretation technicians, usually a team mailbox): told of each programme
    /// release that moves a session into, out of or within the room; empty: nobody.
    /// </summary>
    public string CrewEmail { get; set; } = "";

    /// <summary>
    /// The SHA-256 hash (hex) of the room's secret calendar link, for calendar programs that cannot sign in; null: no link. The link
    /// itself is shown once, when it is made or rotated, and never stored (docs/adr/0028, amendment).
    /// </summary>
    public string? CalendarTokenHash { get; set; }

    /// <summary>When the current secret calendar link was made (or last rotated).</summary>
    public DateTimeOffset? CalendarLinkIssuedAt { get; set; }

    public int CapacityFor(RoomLayout layout) => layout switch
    {
        RoomLayout.Theatre => TheatreCapacity,
        RoomLayout.Classroom => ClassroomCapacity,
        RoomLayout.Banquet => BanquetCapacity,
        RoomLayout.Boardroom => BoardroomCapacity,
        _ => 0,
    };
}
