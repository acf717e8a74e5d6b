namespace Summit.Server.Venues;

/// <summary>Audit actions of the venues module: every change to venues, rooms, stock, blockings, bookings and room photos.</summary>
public static class VenuesAudit
{
    public const string VenueCreated = "venue.created";
    public const string VenueUpdated = "venue.updated";
    public const string RoomCreated = "room.created";
    public const string RoomUpdated = "room.updated";
    public const string EquipmentCreated = "equipment.created";
    public const string EquipmentUpdated = "equipment.updated";
    public const string BlockingCreated = "room.blocked";
    public const string BlockingRemoved = "room.unblocked";
    public const string BookingRequested = "booking.requested";
    public const string BookingCreatedConfirmed = "booking.created_confirmed";
    public const string BookingConfirmed = "booking.confirmed";
    public const string BookingCancelled = "booking.cancelled";
    public const string BookingRejected = "booking.rejected";
    public const string SeriesCreated = "booking_series.created";
    public const string SeriesRequested = "booking_series.requested";
    public const string SeriesDateAddedBack = "booking_series.date_added_back";
    public const string SeriesCancelled = "booking_series.cancelled";
    public const string BookingDisplaced = "booking.displaced";
    public const string BookingReleased = "booking.released";

    /// <summary>A booking moved to another time or room: by the venue manager, or with its session (the same action).</summary>
    public const string BookingMoved = "booking.moved";
    public const string CalendarLinkIssued = "room.calendar_link_issued";
    public const string CalendarLinkRotated = "room.calendar_link_rotated";
    public const string CalendarLinkRevoked = "room.calendar_link_revoked";
    public const string RoomPhotoAdded = "room.photo_added";
    public const string RoomPhotoRemoved = "room.photo_removed";
}
