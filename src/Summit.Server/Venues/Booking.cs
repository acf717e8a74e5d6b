namespace Summit.Server.Venues;

/// <summary>
/// A room booked for a time, for a holder, with the equipment it takes from stock. It occupies the room from
/// <see cref="BlockedFrom"/> (its start less the set-up buffer) to <see cref="BlockedUntil"/> (its end plus the tear-down buffer):
/// those two columns are what the database's no-overlap guarantee compares (docs/adr/0027), so they are set only through
/// <see cref="SetTimes"/>.
/// </summary>
public sealed class Booking
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid RoomId { get; set; }
    public DateTimeOffset StartsAt { get; private set; }
    public DateTimeOffset EndsAt { get; private set; }
    public int SetupMinutes { get; private set; }
    public int TeardownMinutes { get; private set; }
    public DateTimeOffset BlockedFrom { get; private set; }
    public DateTimeOffset BlockedUntil { get; private set; }
    public string Title { get; set; } = "";
    public BookingHolderKind HolderKind { get; set; }

    /// <summary>The holder's id in its own module (a guest, a delegation, a session), when it has one.</summary>
    public Guid? HolderId { get; set; }

    public string HolderName { get; set; } = "";
    public int ExpectedAttendance { get; set; }
    public RoomLayout Layout { get; set; }
    public BookingState State { get; set; }

    /// <summary>Normal, or Protocol: may displace Normal bookings of its room when asked to (never displaced itself).</summary>
    public BookingPriority Priority { get; set; }
    public List<BookingEquipment> Equipment { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    /// <summary>The staff account that made it, when a signed-in user did: told by mail when the booking is displaced or released.</summary>
    public string? CreatedByUserId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }

    /// <summary>Why it was cancelled or rejected.</summary>
    public string? Reason { get; set; }

    /// <summary>The series this booking is one date of (docs/guide/venues.md, repeating bookings), if any.</summary>
    public Guid? SeriesId { get; set; }

    /// <summary>Sets the booking's time and buffers, and the period it occupies the room (times kept in UTC).</summary>
    public void SetTimes(DateTimeOffset startsAt, DateTimeOffset endsAt, int setupMinutes, int teardownMinutes)
    {
        StartsAt = startsAt.ToUniversalTime();
        EndsAt = endsAt.ToUniversalTime();
        SetupMinutes = setupMinutes;
        TeardownMinutes = teardownMinutes;
        BlockedFrom = StartsAt.AddMinutes(-setupMinutes);
        BlockedUntil = EndsAt.AddMinutes(teardownMinutes);
    }
}
