using Summit.Server.Access.Contracts;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Venues;
using Summit.Server.Venues.Blockings;
using Summit.Server.Venues.Bookings;
using Summit.Server.Venues.Equipment;
using Summit.Server.Venues.Rooms;

namespace Summit.Server.Demo;

/// <summary>
/// The rooms of the two Wuzhen venues, the mobile equipment stock and three days of bookings (bilateral talks, rehearsals, a press
/// briefing, an expo launch, some still pending) with a security sweep of the main hall, made through the venues module as a venue
/// manager would: every booking passes the same conflict rules. The ceremonies and forums book their rooms through the programme
/// (<see cref="DemoProgramme"/>).
/// </summary>
internal static class DemoRooms
{
    private const string Center = "Conference and Exhibition Center";
    private const string Expo = "Expo Center";

    /// <summary>Code, names, building, floor, theatre / classroom / banquet / boardroom capacity, set-up and tear-down minutes, zone code.</summary>
    private static readonly (string Code, string En, string Zh, bool InExpo, string Floor, int Theatre, int Classroom, int Banquet, int Boardroom,
        int Setup, int Teardown, string? Zone)[] Rooms =
    [
        ("MFH", "Main forum hall", "主论坛会场", false, "1", 2000, 900, 1200, 0, 60, 30, "MAIN"),
        ("SF-A", "Sub-forum room A", "分论坛A厅", false, "2", 400, 200, 240, 60, 30, 15, "FORUM-A"),
        ("SF-B", "Sub-forum room B", "分论坛B厅", false, "2", 300, 150, 180, 50, 30, 15, "FORUM-B"),
        ("SF-C", "Sub-forum room C", "分论坛C厅", false, "2", 300, 150, 180, 50, 30, 15, "FORUM-C"),
        ("SF-D", "Sub-forum room D", "分论坛D厅", false, "2", 200, 100, 120, 40, 30, 15, "FORUM-D"),
        ("MC-1", "Media centre briefing room", "新闻中心发布厅", false, "1", 150, 80, 0, 0, 20, 10, "MEDIA"),
        ("BL-01", "Bilateral meeting room 1", "双边会见室1", false, "3", 0, 0, 0, 16, 15, 10, "VIP"),
        ("BL-02", "Bilateral meeting room 2", "双边会见室2", false, "3", 0, 0, 0, 16, 15, 10, "VIP"),
        ("BL-03", "Bilateral meeting room 3", "双边会见室3", false, "3", 0, 0, 0, 20, 15, 10, "VIP"),
        ("BL-04", "Bilateral meeting room 4", "双边会见室4", false, "3", 0, 0, 0, 20, 15, 10, "VIP"),
        ("BL-05", "Bilateral meeting room 5", "双边会见室5", false, "3", 0, 0, 0, 24, 15, 10, "VIP"),
        ("BL-06", "Bilateral meeting room 6", "双边会见室6", false, "3", 0, 0, 0, 30, 15, 10, "VIP"),
        ("EX-STAGE", "Expo main stage", "博览会主舞台", true, "1", 500, 0, 0, 0, 30, 15, "EXPO"),
        ("EX-M1", "Expo meeting room 1", "博览会会议室1", true, "2", 80, 40, 0, 24, 15, 10, "EXPO"),
        ("EX-M2", "Expo meeting room 2", "博览会会议室2", true, "2", 80, 40, 0, 24, 15, 10, "EXPO"),
    ];

    private static readonly (string En, string Zh, int Quantity)[] Equipment =
    [
        ("Interpretation kit (6 languages)", "同传设备（6语种）", 8),
        ("Streaming kit", "直播设备", 5),
        ("Wireless microphone", "无线话筒", 60),
        ("Stage crew", "舞台团队", 4),
        ("Flag set for bilateral talks", "双边会谈国旗组", 6),
    ];

    /// <summary>Day (0-2), room, local start, minutes, title, holder kind and name, attendance, layout, confirmed, equipment (index, quantity).</summary>
    private static readonly (int Day, string Room, int Hour, int Minute, int Minutes, string Title, BookingHolderKind Kind, string Holder, int Attendance,
        RoomLayout Layout, bool Confirmed, (int Item, int Quantity)[] Equipment)[] Bookings =
    [
        (0, "MFH", 6, 30, 60, "Opening ceremony rehearsal", BookingHolderKind.Organizer, "", 80, RoomLayout.Theatre, true, [(3, 2), (2, 12)]),
        (0, "BL-01", 10, 0, 45, "Bilateral: China and Kazakhstan", BookingHolderKind.Delegation, "Delegation of Kazakhstan", 12, RoomLayout.Boardroom, true, [(0, 1), (4, 1)]),
        (0, "BL-02", 10, 30, 45, "Bilateral: China and Brazil", BookingHolderKind.Delegation, "Delegation of Brazil", 14, RoomLayout.Boardroom, true, [(0, 1), (4, 1)]),
        (0, "BL-03", 11, 0, 45, "Bilateral: China and Singapore", BookingHolderKind.Delegation, "Delegation of Singapore", 10, RoomLayout.Boardroom, false, [(4, 1)]),
        (0, "BL-01", 11, 30, 45, "Bilateral: Russia and Kazakhstan", BookingHolderKind.Delegation, "Delegation of the Russian Federation", 12, RoomLayout.Boardroom, false, [(0, 1), (4, 1)]),
        (0, "MC-1", 13, 0, 45, "Press briefing: the summit's first day", BookingHolderKind.Organizer, "", 120, RoomLayout.Theatre, true, [(1, 1), (2, 2)]),
        (1, "SF-D", 8, 0, 60, "Sub-forum D stage rehearsal", BookingHolderKind.Organizer, "", 20, RoomLayout.Theatre, false, [(3, 1)]),
        (1, "BL-04", 15, 0, 45, "Bilateral: China and the United Arab Emirates", BookingHolderKind.Delegation, "Delegation of the United Arab Emirates", 16, RoomLayout.Boardroom, true, [(0, 1), (4, 1)]),
        (1, "BL-05", 16, 0, 45, "Bilateral: China and Egypt", BookingHolderKind.Delegation, "Delegation of Egypt", 14, RoomLayout.Boardroom, false, [(4, 1)]),
        (1, "EX-STAGE", 10, 0, 60, "Light of Internet Expo: product launch", BookingHolderKind.Organizer, "", 400, RoomLayout.Theatre, true, [(1, 1), (2, 6)]),
        (2, "BL-06", 9, 0, 60, "Bilateral: China and the ASEAN Secretariat", BookingHolderKind.Delegation, "ASEAN Secretariat", 20, RoomLayout.Boardroom, true, [(0, 1), (4, 1)]),
        (2, "EX-M1", 10, 0, 60, "Exhibitor meeting: smart city pavilion", BookingHolderKind.Person, "Pavilion coordinator", 20, RoomLayout.Boardroom, false, []),
    ];

    /// <summary>The rooms' figures (code, in the expo venue, capacity per layout), for the scheduling benchmark's reference event.</summary>
    internal static IEnumerable<(string Code, bool InExpo, int Theatre, int Classroom, int Banquet, int Boardroom)> RoomFigures =>
        Rooms.Select(r => (r.Code, r.InExpo, r.Theatre, r.Classroom, r.Banquet, r.Boardroom));

    /// <summary>The confirmed bookings (day, room, local start, minutes) with their room's buffers, for the same benchmark.</summary>
    internal static IEnumerable<(int Day, string Room, TimeOnly Start, int Minutes, int Setup, int Teardown)> ConfirmedBookings =>
        Bookings.Where(b => b.Confirmed).Select(b =>
        {
            var room = Rooms.First(r => r.Code == b.Room);
            return (b.Day, b.Room, new TimeOnly(b.Hour, b.Minute), b.Minutes, room.Setup, room.Teardown);
        });

    /// <summary>Makes the venues, rooms, stock, blockings and bookings unless the event has venues already; returns a line for the banner.</summary>
    public static async Task<string> SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        provider.GetRequiredService<CurrentActor>().Use(new Actor(null, "demo", null));
        var rooms = provider.GetRequiredService<RoomService>();
        if ((await rooms.ListVenuesAsync(ct)).Count > 0)
        {
            return "";
        }

        var summitEvent = await provider.GetRequiredService<IEventCalendar>().GetCurrentAsync(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(summitEvent.TimeZoneId);
        var zones = (await provider.GetRequiredService<IZoneDirectory>().ListZonesAsync(ct)).ToDictionary(z => z.Code, z => z.Id, StringComparer.Ordinal);
        var center = await rooms.CreateVenueAsync(new VenueInput(DemoVenue.ConferenceCenter, DemoVenue.ConferenceCenterZh, 0), ct);
        var expo = await rooms.CreateVenueAsync(new VenueInput(DemoVenue.ExpoCenter, DemoVenue.ExpoCenterZh, 1), ct);
        var roomIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var order = 0;
        foreach (var r in Rooms)
        {
            var room = await rooms.CreateRoomAsync(new RoomInput(r.InExpo ? expo.Id : center.Id, r.Code, r.En, r.Zh, r.InExpo ? Expo : Center, r.Floor,
                r.Theatre, r.Classroom, r.Banquet, r.Boardroom, AccessibilityNote: "Step-free access, hearing loop", OpensAt: new TimeOnly(6, 0),
                ClosesAt: new TimeOnly(23, 0), SetupMinutes: r.Setup, TeardownMinutes: r.Teardown,
                ZoneId: r.Zone is { } code && zones.TryGetValue(code, out var zoneId) ? zoneId : null, SortOrder: order++), ct);
            roomIds[r.Code] = room.Id;
        }

        var equipment = provider.GetRequiredService<EquipmentService>();
        var items = new List<Guid>();
        foreach (var (en, zh, quantity) in Equipment)
        {
            items.Add((await equipment.CreateAsync(new EquipmentInput(en, zh, quantity), ct)).Id);
        }

        DateTimeOffset At(int day, int hour, int minute)
        {
            var local = summitEvent.StartDate.AddDays(day).ToDateTime(new TimeOnly(hour, minute));
            return new DateTimeOffset(local, zone.GetUtcOffset(local));
        }

        // The morning of the second day: the main hall is swept before a head of state arrives for the high-level dialogue.
        await provider.GetRequiredService<BlockingService>().CreateAsync(new BlockingInput(roomIds["MFH"], At(1, 6, 30), At(1, 8, 30),
            "Security sweep before the arrival of a head of state"), ct);

        var bookings = provider.GetRequiredService<BookingService>();
        var pending = 0;
        foreach (var b in Bookings)
        {
            var start = At(b.Day, b.Hour, b.Minute);
            var input = new BookingInput(roomIds[b.Room], start, start.AddMinutes(b.Minutes), b.Title, b.Kind, b.Attendance, b.Layout,
                HolderName: b.Holder.Length > 0 ? b.Holder : null, Equipment: [.. b.Equipment.Select(e => new EquipmentLine(items[e.Item], e.Quantity))]);
            await (b.Confirmed ? bookings.BookAsync(input, ct) : bookings.RequestAsync(input, ct));
            pending += b.Confirmed ? 0 : 1;
        }

        return $"Venues: {Rooms.Length} rooms in 2 venues, {Equipment.Length} kinds of equipment in stock, {Bookings.Length} bookings ({pending} pending) "
            + "and a security sweep of the main forum hall on the second morning: see the room timeline.";
    }
}
