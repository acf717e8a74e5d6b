namespace Summit.Server.Venues.Bookings;

/// <summary>Why a booking cannot have its room at its time; each kind has its text (venues.conflict.&lt;kind&gt;) in both catalogs.</summary>
public enum BookingConflictKind
{
    /// <summary>A confirmed booking of the same room overlaps, buffers included.</summary>
    Overlap,

    /// <summary>The room is blocked for part of the time.</summary>
    Blocked,

    /// <summary>The room cannot be set out in the chosen layout.</summary>
    LayoutUnavailable,

    /// <summary>The expected attendance is above the room's capacity in the chosen layout.</summary>
    Capacity,

    /// <summary>Confirmed bookings at the same time, in any room, leave too few of an equipment item.</summary>
    EquipmentShort,

    /// <summary>The booking is not within the room's bookable hours of one day.</summary>
    OutsideHours,
}
