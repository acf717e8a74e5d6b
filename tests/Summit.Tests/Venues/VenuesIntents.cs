using System.Net.Http.Json;
using System.Text.Json;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Venues;
using Summit.Server.Venues.Bookings;
using Summit.Server.Venues.Equipment;
using Summit.Server.Venues.Rooms;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Venues;

/// <summary>What venues tests do through the HTTP API, named by intent. Each test makes its own venue, so tests sharing a server do not meet.</summary>
public static class VenuesIntents
{
    /// <summary>The first day of the test event (26 September 2021, Asia/Shanghai), 09:00 local.</summary>
    public static readonly DateTimeOffset DayOneNine = new(2021, 9, 26, 9, 0, 0, TimeSpan.FromHours(8));

    public static async Task<VenueView> CreateVenueAsync(this SummitFactory app, string? name = null)
    {
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        name ??= "Venue " + Guid.NewGuid().ToString("N")[..8];
        return await (await manager.PostAsJsonAsync("/api/v1/venues", new VenueInput(name, name + "（中）"), Intents.Json)).OkAsync<VenueView>();
    }

    public static RoomInput NewRoom(Guid venueId, string code, int boardroom = 40, int theatre = 0, string building = "A", string floor = "1",
        int setup = 0, int teardown = 0, TimeOnly? opensAt = null, TimeOnly? closesAt = null, Guid? zoneId = null) =>
        new(venueId, code, $"Room {code}", $"{code} 室", building, floor, TheatreCapacity: theatre, BoardroomCapacity: boardroom,
            Features: "screen", OpensAt: opensAt, ClosesAt: closesAt, SetupMinutes: setup, TeardownMinutes: teardown, ZoneId: zoneId);

    public static async Task<RoomView> CreateRoomAsync(this SummitFactory app, RoomInput input)
    {
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        return await (await manager.PostAsJsonAsync("/api/v1/venues/rooms", input, Intents.Json)).OkAsync<RoomView>();
    }

    public static async Task<EquipmentView> CreateEquipmentAsync(this SummitFactory app, string name, int quantity)
    {
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        return await (await manager.PostAsJsonAsync("/api/v1/venues/equipment", new EquipmentInput(name, name + "（中）", quantity), Intents.Json))
            .OkAsync<EquipmentView>();
    }

    public static BookingInput NewBooking(Guid roomId, DateTimeOffset start, int minutes, string title = "Bilateral meeting", int attendance = 10,
        RoomLayout layout = RoomLayout.Boardroom, IReadOnlyList<EquipmentLine>? equipment = null, int? setup = null, int? teardown = null) =>
        new(roomId, start, start.AddMinutes(minutes), title, BookingHolderKind.Delegation, attendance, layout, HolderName: "Delegation of Kazakhstan",
            SetupMinutes: setup, TeardownMinutes: teardown, Equipment: equipment);

    /// <summary>Books as the venue manager, confirmed at once (the answer is not checked: the caller asserts it).</summary>
    public static async Task<HttpResponseMessage> BookConfirmedAsync(this SummitFactory app, BookingInput input)
    {
        using var manager = await app.ClientForAsync(Roles.VenueManager);
        return await manager.PostAsJsonAsync("/api/v1/venues/bookings/confirmed", input, Intents.Json);
    }

    /// <summary>Requests a room as the secretariat: a pending booking.</summary>
    public static async Task<BookingView> RequestOkAsync(this SummitFactory app, BookingInput input)
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        return await (await secretariat.PostAsJsonAsync("/api/v1/venues/bookings", input, Intents.Json)).OkAsync<BookingView>();
    }

    public static async Task<BookingRefusal> RefusalAsync(this HttpResponseMessage response)
    {
        await response.AssertProblemAsync(409, VenuesErrors.BookingConflict);
        var problem = await response.ProblemAsync();
        return problem.GetProperty("details").Deserialize<BookingRefusal>(Intents.Json)!;
    }
}
