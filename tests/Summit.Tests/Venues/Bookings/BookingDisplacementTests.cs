using Summit.Server.Venues;
using Summit.Server.Venues.Bookings;

namespace Summit.Tests.Venues.Bookings;

/// <summary>Protocol priority on its own: which confirmed bookings a Protocol booking may displace, and when it may not displace at all.</summary>
public sealed class BookingDisplacementTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Nine = new(2026, 11, 8, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Kits = Guid.NewGuid();

    private readonly Room _room = new() { Code = "MFH", BoardroomCapacity = 40 };
    private readonly Room _other = new() { Code = "SF-01", BoardroomCapacity = 40 };

    [Fact]
    public void A_protocol_booking_may_displace_every_normal_booking_of_its_room_in_its_way_and_only_those()
    {
        var first = Confirmed(_room, Nine, 30, "Press briefing");
        var second = Confirmed(_room, Nine.AddMinutes(45), 30, "Bilateral");
        var elsewhere = Confirmed(_other, Nine, 60, "Other room");
        var later = Confirmed(_room, Nine.AddMinutes(120), 30, "Afternoon");

        var plan = Plan(Candidate(Nine, 90, BookingPriority.Protocol), first, second, elsewhere, later);

        Assert.True(plan.CanDisplace);
        Assert.Equal([BookingConflictKind.Overlap, BookingConflictKind.Overlap], plan.Conflicts.Select(c => c.Kind));
        Assert.Equal([first.Id, second.Id], plan.Displaceable.Select(b => b.Id));
    }

    [Fact]
    public void A_normal_booking_never_displaces()
    {
        var plan = Plan(Candidate(Nine, 60, BookingPriority.Normal), Confirmed(_room, Nine, 30));

        Assert.Single(plan.Conflicts);
        Assert.False(plan.CanDisplace);
        Assert.Empty(plan.Displaceable);
    }

    [Fact]
    public void A_protocol_booking_is_never_displaced_not_even_beside_a_normal_one()
    {
        var normal = Confirmed(_room, Nine, 30);
        var protocol = Confirmed(_room, Nine.AddMinutes(30), 30, "Heads of delegation", BookingPriority.Protocol);

        Assert.False(Plan(Candidate(Nine, 90, BookingPriority.Protocol), normal, protocol).CanDisplace);
        Assert.False(Plan(Candidate(Nine, 90, BookingPriority.Protocol), protocol).CanDisplace);
    }

    [Fact]
    public void Another_conflict_than_the_bookings_in_the_way_refuses_displacement()
    {
        var normal = Confirmed(_room, Nine, 30);
        var blocking = new RoomBlocking { RoomId = _room.Id, From = Nine.AddMinutes(60), Until = Nine.AddMinutes(90), Reason = "Security sweep" };

        var blocked = BookingDisplacement.Plan(Candidate(Nine, 90, BookingPriority.Protocol), _room, [normal], [blocking], Stock(), Shanghai);
        Assert.False(blocked.CanDisplace);
        Assert.Contains(blocked.Conflicts, c => c.Kind == BookingConflictKind.Blocked);

        var crowded = Plan(Candidate(Nine, 90, BookingPriority.Protocol, attendance: 41), normal);
        Assert.False(crowded.CanDisplace);
        Assert.Contains(crowded.Conflicts, c => c.Kind == BookingConflictKind.Capacity);
    }

    [Fact]
    public void Equipment_counts_what_the_displaced_bookings_give_back_and_never_displaces_other_rooms()
    {
        // 6 kits: the displaced booking's 4 come back, so the Protocol booking's 5 fit beside the other room's 1.
        var inTheWay = Confirmed(_room, Nine, 60, kits: 4);
        var otherRoom = Confirmed(_other, Nine, 60, kits: 1);
        var plan = Plan(Candidate(Nine, 60, BookingPriority.Protocol, kits: 5), inTheWay, otherRoom);
        Assert.Contains(plan.Conflicts, c => c.Kind == BookingConflictKind.EquipmentShort);
        Assert.Equal([inTheWay.Id], plan.Displaceable.Select(b => b.Id));

        // With 2 taken in the other room, 5 are still short after displacing: the other room's booking is never displaced for kits.
        var greedy = Confirmed(_other, Nine, 60, kits: 2);
        var refused = Plan(Candidate(Nine, 60, BookingPriority.Protocol, kits: 5), inTheWay, greedy);
        Assert.False(refused.CanDisplace);

        // A shortage alone, without a booking of the room in the way, displaces nothing.
        Assert.False(Plan(Candidate(Nine, 60, BookingPriority.Protocol, kits: 7)).CanDisplace);
    }

    private DisplacementPlan Plan(Booking candidate, params Booking[] confirmed) =>
        BookingDisplacement.Plan(candidate, _room, confirmed, [], Stock(), Shanghai);

    private static Dictionary<Guid, int> Stock() => new() { [Kits] = 6 };

    private Booking Candidate(DateTimeOffset start, int minutes, BookingPriority priority, int attendance = 20, int kits = 0)
    {
        var booking = new Booking { RoomId = _room.Id, Title = "Opening ceremony", ExpectedAttendance = attendance, Layout = RoomLayout.Boardroom, Priority = priority };
        booking.SetTimes(start, start.AddMinutes(minutes), 0, 0);
        booking.Equipment = kits > 0 ? [new BookingEquipment { EquipmentItemId = Kits, Quantity = kits }] : [];
        return booking;
    }

    private static Booking Confirmed(Room room, DateTimeOffset start, int minutes, string title = "Existing", BookingPriority priority = BookingPriority.Normal,
        int kits = 0)
    {
        var booking = new Booking
        {
            RoomId = room.Id,
            Title = title,
            State = BookingState.Confirmed,
            ExpectedAttendance = 10,
            Layout = RoomLayout.Boardroom,
            Priority = priority,
        };
        booking.SetTimes(start, start.AddMinutes(minutes), 0, 0);
        booking.Equipment = kits > 0 ? [new BookingEquipment { EquipmentItemId = Kits, Quantity = kits }] : [];
        return booking;
    }
}
