namespace Summit.Server.Venues;

/// <summary>The venues module's reason codes; each has an "error.{code}" text in both venues catalogs. A public contract: never renamed.</summary>
public static class VenuesErrors
{
    public const string VenueNotFound = "venues.venue_not_found";
    public const string VenueUnknown = "venues.venue_unknown";
    public const string VenueNameTaken = "venues.venue_name_taken";
    public const string RoomNotFound = "venues.room_not_found";
    public const string RoomUnknown = "venues.room_unknown";
    public const string RoomCodeInvalid = "venues.room_code_invalid";
    public const string RoomCodeTaken = "venues.room_code_taken";
    public const string HoursInvalid = "venues.hours_invalid";
    public const string EquipmentNotFound = "venues.equipment_not_found";
    public const string EquipmentUnknown = "venues.equipment_unknown";
    public const string EquipmentNameTaken = "venues.equipment_name_taken";
    public const string EquipmentDuplicateLine = "venues.equipment_duplicate_line";
    public const string EquipmentTooManyLines = "venues.equipment_too_many_lines";
    public const string BookingNotFound = "venues.booking_not_found";
    public const string PeriodInvalid = "venues.period_invalid";
    public const string PeriodTooLong = "venues.period_too_long";
    public const string HolderIdRequired = "venues.holder_id_required";
    public const string BookingConflict = "venues.booking_conflict";
    public const string BookingNotPending = "venues.booking_not_pending";
    public const string BookingClosed = "venues.booking_closed";
    public const string BlockingNotFound = "venues.blocking_not_found";
    public const string BlockingOverlapsConfirmed = "venues.blocking_overlaps_confirmed";
    public const string WindowTooWide = "venues.window_too_wide";
    public const string ValueUnknown = "venues.value_unknown";
    public const string SeriesNotFound = "venues.series_not_found";
    public const string SeriesConflict = "venues.series_conflict";
    public const string SeriesTooManyDates = "venues.series_too_many_dates";
    public const string SeriesNoDates = "venues.series_no_dates";
    public const string SeriesEndRequired = "venues.series_end_required";
    public const string SeriesWeekdaysRequired = "venues.series_weekdays_required";
    public const string SeriesDateNotSkipped = "venues.series_date_not_skipped";
    public const string DisplaceNeedsProtocol = "venues.displace_needs_protocol";
    public const string CalendarLinkInvalid = "venues.calendar_link_invalid";
    public const string DisplacingTooMany = "venues.displacing_too_many";
    public const string RoomPhotoNotFound = "venues.room_photo_not_found";
    public const string RoomPhotoLimit = "venues.room_photo_limit";
    public const string EmailInvalid = "venues.email_invalid";
    public const string BookingOfSession = "venues.booking_of_session";

    public static readonly IReadOnlyList<string> All =
    [
        VenueNotFound, VenueUnknown, VenueNameTaken, RoomNotFound, RoomUnknown, RoomCodeInvalid, RoomCodeTaken, HoursInvalid, EquipmentNotFound, EquipmentUnknown, EquipmentNameTaken,
        EquipmentDuplicateLine, EquipmentTooManyLines, BookingNotFound, PeriodInvalid, PeriodTooLong, HolderIdRequired, BookingConflict,
        BookingNotPending, BookingClosed, BlockingNotFound, BlockingOverlapsConfirmed, WindowTooWide, ValueUnknown,
        SeriesNotFound, SeriesConflict, SeriesTooManyDates, SeriesNoDates, SeriesEndRequired, SeriesWeekdaysRequired, SeriesDateNotSkipped,
        DisplaceNeedsProtocol, CalendarLinkInvalid, DisplacingTooMany, RoomPhotoNotFound, RoomPhotoLimit, EmailInvalid, BookingOfSession,
    ];
}
