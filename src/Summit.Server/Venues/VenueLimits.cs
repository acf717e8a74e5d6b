namespace Summit.Server.Venues;

/// <summary>The sizes the venues module accepts: the columns and the API refuse anything longer or larger.</summary>
public static class VenueLimits
{
    public const int NameLength = 120;
    public const int CodeLength = 32;
    public const int BuildingLength = 80;
    public const int FloorLength = 20;
    public const int FeaturesLength = 500;
    public const int NoteLength = 500;

    /// <summary>A mail address as RFC 5321 bounds it.</summary>
    public const int EmailLength = 254;
    public const int TitleLength = 200;
    public const int HolderNameLength = 200;
    public const int ReasonLength = 500;

    /// <summary>The largest capacity or expected attendance of one room (the main forum hall seats about 3,000).</summary>
    public const int MaxCapacity = 100_000;

    /// <summary>The longest set-up or tear-down buffer, in minutes (a day).</summary>
    public const int MaxBufferMinutes = 24 * 60;

    /// <summary>The longest booking or blocking: a room is booked for days at most, not for months.</summary>
    public static readonly TimeSpan MaxBookingLength = TimeSpan.FromDays(31);

    public const int MaxEquipmentLines = 50;
    public const int MaxEquipmentQuantity = 100_000;

    /// <summary>The widest window a timeline or a booking list may ask for at once.</summary>
    public static readonly TimeSpan MaxListWindow = TimeSpan.FromDays(62);

    /// <summary>The most alternatives offered for a refused booking.</summary>
    public const int MaxAlternatives = 10;

    /// <summary>The most bookings a caller may list as agreed to displace.</summary>
    public const int MaxDisplacing = 500;

    /// <summary>The longest secret calendar link token accepted (Summit's are 43 characters); a longer one is refused before it is hashed.</summary>
    public const int MaxCalendarTokenLength = 64;

    /// <summary>The most photos one room may have.</summary>
    public const int MaxRoomPhotos = 10;

    /// <summary>The longest wait before a booking nobody came to is released, in minutes (a day).</summary>
    public const int MaxNoShowMinutes = 24 * 60;
}
