using Summit.Server.Venues;
using Summit.Server.Venues.Bookings;

namespace Summit.Tests.Venues.Bookings;

/// <summary>The one place booking conflicts are decided, on its own: overlaps with buffers, blockings, capacity, equipment stock and hours.</summary>
public sealed class BookingRulesTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Nine = new(2026, 11, 8, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Kits = Guid.NewGuid();
    private static readonly Guid Mics = Guid.NewGuid();

    private readonly Room _room = new() { Code = "SF-01", BoardroomCapacity = 40, TheatreCapacity = 120, SetupMinutes = 0, TeardownMinutes = 0 };
    private readonly Room _other = new() { Code = "SF-02", BoardroomCapacity = 40, TheatreCapacity = 120 };

    [Fact]
    public void A_free_room_has_no_conflict()
    {
        Assert.Empty(Check(Candidate(Nine, 60)));
    }

    [Fact]
    public void A_confirmed_booking_of_the_same_room_overlapping_is_named()
    {
        var existing = Confirmed(_room, Nine.AddMinutes(30), 60, "Bilateral: China and Kazakhstan");

        var conflict = Assert.Single(Check(Candidate(Nine, 60), existing));

        Assert.Equal(BookingConflictKind.Overlap, conflict.Kind);
        Assert.Equal(existing.Id, conflict.WithId);
        Assert.Equal("Bilateral: China and Kazakhstan", conflict.WithTitle);
        Assert.Equal(existing.BlockedFrom, conflict.From);
        Assert.Equal(existing.BlockedUntil, conflict.Until);
    }

    [Fact]
    public void Touching_bookings_do_not_overlap()
    {
        Assert.Empty(Check(Candidate(Nine, 60), Confirmed(_room, Nine.AddMinutes(60), 60), Confirmed(_room, Nine.AddMinutes(-60), 60)));
    }

    [Fact]
    public void Buffers_make_touching_bookings_overlap_and_a_gap_as_long_as_both_buffers_clears_them()
    {
        // The earlier booking's 15-minute tear-down and the candidate's 15-minute set-up meet only when 30 minutes lie between them.
        var earlier = Confirmed(_room, Nine.AddMinutes(-60), 60, teardown: 15);
        Assert.Equal(BookingConflictKind.Overlap, Assert.Single(Check(Candidate(Nine, 60, setup: 15), earlier)).Kind);
        Assert.Equal(BookingConflictKind.Overlap, Assert.Single(Check(Candidate(Nine.AddMinutes(29), 60, setup: 15), earlier)).Kind);
        Assert.Empty(Check(Candidate(Nine.AddMinutes(30), 60, setup: 15), earlier));

        // The candidate's own tear-down counts as much as its set-up.
        var later = Confirmed(_room, Nine.AddMinutes(70), 60);
        Assert.Single(Check(Candidate(Nine, 60, teardown: 11), later));
        Assert.Empty(Check(Candidate(Nine, 60, teardown: 10), later));
    }

    [Fact]
    public void Pending_cancelled_and_rejected_bookings_and_the_booking_itself_hold_nothing()
    {
        var pending = Confirmed(_room, Nine, 60);
        pending.State = BookingState.Pending;
        var cancelled = Confirmed(_room, Nine, 60);
        cancelled.State = BookingState.Cancelled;
        var rejected = Confirmed(_room, Nine, 60);
        rejected.State = BookingState.Rejected;
        var candidate = Candidate(Nine, 60);
        var itself = Confirmed(_room, Nine, 60);
        itself.Id = candidate.Id;

        Assert.Empty(Check(candidate, pending, cancelled, rejected, itself));
    }

    [Fact]
    public void Another_rooms_booking_at_the_same_time_is_no_overlap()
    {
        Assert.Empty(Check(Candidate(Nine, 60), Confirmed(_other, Nine, 60)));
    }

    [Fact]
    public void A_blocking_of_the_room_refuses_the_booking_and_its_buffers_and_is_named()
    {
        var sweep = new RoomBlocking { RoomId = _room.Id, From = Nine.AddMinutes(60), Until = Nine.AddMinutes(120), Reason = "Security sweep" };

        var conflict = Assert.Single(BookingRules.Check(Candidate(Nine, 60, teardown: 1), _room, [], [sweep], Stock(), Shanghai));

        Assert.Equal((BookingConflictKind.Blocked, sweep.Id, "Security sweep"), (conflict.Kind, conflict.WithId, conflict.WithTitle));
        Assert.Empty(BookingRules.Check(Candidate(Nine, 60), _room, [], [sweep], Stock(), Shanghai));
        var elsewhere = new RoomBlocking { RoomId = _other.Id, From = Nine, Until = Nine.AddHours(2), Reason = "Sweep" };
        Assert.Empty(BookingRules.Check(Candidate(Nine, 60), _room, [], [elsewhere], Stock(), Shanghai));
    }

    [Fact]
    public void Exactly_at_capacity_fits_and_one_more_does_not()
    {
        Assert.Empty(Check(Candidate(Nine, 60, attendance: 40)));

        var conflict = Assert.Single(Check(Candidate(Nine, 60, attendance: 41)));

        Assert.Equal((BookingConflictKind.Capacity, 41, 40), (conflict.Kind, conflict.Needed, conflict.Available));
        Assert.Empty(Check(Candidate(Nine, 60, attendance: 120, layout: RoomLayout.Theatre)));
    }

    [Fact]
    public void A_layout_the_room_cannot_take_is_a_conflict()
    {
        Assert.Equal(BookingConflictKind.LayoutUnavailable, Assert.Single(Check(Candidate(Nine, 60, layout: RoomLayout.Banquet))).Kind);
    }

    [Fact]
    public void Stock_used_up_exactly_fits_and_one_more_is_short_across_rooms()
    {
        var elsewhere = Confirmed(_other, Nine, 60, equipment: [(Kits, 4)]);

        Assert.Empty(Check(Candidate(Nine, 60, equipment: [(Kits, 2)]), elsewhere));
        var conflict = Assert.Single(Check(Candidate(Nine, 60, equipment: [(Kits, 3)]), elsewhere));

        Assert.Equal((BookingConflictKind.EquipmentShort, Kits, 3, 2), (conflict.Kind, conflict.WithId, conflict.Needed, conflict.Available));
    }

    [Fact]
    public void Equipment_of_bookings_that_follow_each_other_is_counted_once()
    {
        // 9:00-9:30 and 9:30-10:00 elsewhere each take 4 of 6 kits: at no moment are more than 4 out, so 2 remain for 9:00-10:00.
        var first = Confirmed(_other, Nine, 30, equipment: [(Kits, 4)]);
        var second = Confirmed(new Room(), Nine.AddMinutes(30), 30, equipment: [(Kits, 4)]);

        Assert.Empty(Check(Candidate(Nine, 60, equipment: [(Kits, 2)]), first, second));
        Assert.Single(Check(Candidate(Nine, 60, equipment: [(Kits, 3)]), first, second));

        // Overlapping each other, they do add up: 4 + 1 leaves 1.
        var third = Confirmed(new Room(), Nine.AddMinutes(15), 30, equipment: [(Kits, 1)]);
        Assert.Equal(1, Assert.Single(Check(Candidate(Nine, 60, equipment: [(Kits, 2)]), first, second, third)).Available);
    }

    [Fact]
    public void Equipment_in_use_outside_the_bookings_period_or_of_another_item_does_not_count()
    {
        var before = Confirmed(_other, Nine.AddMinutes(-60), 60, equipment: [(Kits, 6)]);
        var mics = Confirmed(_other, Nine, 60, equipment: [(Mics, 10)]);

        Assert.Empty(Check(Candidate(Nine, 60, equipment: [(Kits, 6)]), before, mics));
    }

    [Fact]
    public void An_item_not_in_stock_is_short()
    {
        var conflict = Assert.Single(Check(Candidate(Nine, 60, equipment: [(Guid.NewGuid(), 1)])));
        Assert.Equal((BookingConflictKind.EquipmentShort, 1, 0), (conflict.Kind, conflict.Needed, conflict.Available));
    }

    [Fact]
    public void Bookable_hours_are_local_and_inclusive_at_both_ends()
    {
        _room.OpensAt = new TimeOnly(8, 0);
        _room.ClosesAt = new TimeOnly(22, 0);
        var eight = Nine.AddHours(-1);

        Assert.Empty(Check(Candidate(eight, 14 * 60)));
        Assert.Equal(BookingConflictKind.OutsideHours, Assert.Single(Check(Candidate(eight.AddMinutes(-1), 60))).Kind);
        Assert.Equal(BookingConflictKind.OutsideHours, Assert.Single(Check(Candidate(eight, 14 * 60 + 1))).Kind);

        // Across midnight local time: outside, even though both ends are within the hours of their own day.
        Assert.Equal(BookingConflictKind.OutsideHours, Assert.Single(Check(Candidate(eight.AddHours(13), 12 * 60))).Kind);

        // Buffers may reach outside the hours: crews set up before the room opens.
        Assert.Empty(Check(Candidate(eight, 60, setup: 30)));
    }

    [Fact]
    public void A_room_without_hours_is_bookable_round_the_clock()
    {
        Assert.Empty(Check(Candidate(Nine.AddHours(-9), 3 * 24 * 60)));
    }

    [Fact]
    public void Every_conflict_is_reported_at_once()
    {
        _room.OpensAt = new TimeOnly(10, 0);
        _room.ClosesAt = new TimeOnly(18, 0);
        var existing = Confirmed(_room, Nine, 60, equipment: [(Kits, 6)]);

        var kinds = Check(Candidate(Nine, 60, attendance: 50, equipment: [(Kits, 1)]), existing).Select(c => c.Kind).ToList();

        Assert.Equal([BookingConflictKind.Overlap, BookingConflictKind.Capacity, BookingConflictKind.EquipmentShort, BookingConflictKind.OutsideHours], kinds);
    }

    private IReadOnlyList<BookingConflict> Check(Booking candidate, params Booking[] confirmed) =>
        BookingRules.Check(candidate, _room, confirmed, [], Stock(), Shanghai);

    private static Dictionary<Guid, int> Stock() => new() { [Kits] = 6, [Mics] = 10 };

    private Booking Candidate(DateTimeOffset start, int minutes, int setup = 0, int teardown = 0, int attendance = 20,
        RoomLayout layout = RoomLayout.Boardroom, (Guid Item, int Quantity)[]? equipment = null)
    {
        var booking = new Booking { RoomId = _room.Id, Title = "Candidate", ExpectedAttendance = attendance, Layout = layout };
        booking.SetTimes(start, start.AddMinutes(minutes), setup, teardown);
        booking.Equipment = [.. (equipment ?? []).Select(e => new BookingEquipment { EquipmentItemId = e.Item, Quantity = e.Quantity })];
        return booking;
    }

    private static Booking Confirmed(Room room, DateTimeOffset start, int minutes, string title = "Existing", int setup = 0, int teardown = 0,
        (Guid Item, int Quantity)[]? equipment = null)
    {
        var booking = new Booking { RoomId = room.Id, Title = title, State = BookingState.Confirmed, ExpectedAttendance = 10, Layout = RoomLayout.Boardroom };
        booking.SetTimes(start, start.AddMinutes(minutes), setup, teardown);
        booking.Equipment = [.. (equipment ?? []).Select(e => new BookingEquipment { EquipmentItemId = e.Item, Quantity = e.Quantity })];
        return booking;
    }
}
