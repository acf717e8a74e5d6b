namespace Summit.Server.Venues.Bookings;

/// <summary>What <see cref="BookingRules"/> needs to judge bookings around a period, read once from the database.</summary>
public sealed record BookingFacts(
    IReadOnlyList<Room> Rooms,
    IReadOnlyDictionary<Guid, Venue> Venues,
    IReadOnlyList<Booking> Confirmed,
    IReadOnlyList<RoomBlocking> Blockings,
    IReadOnlyDictionary<Guid, EquipmentItem> Equipment,
    TimeZoneInfo Zone)
{
    public IReadOnlyDictionary<Guid, int> Stock { get; } = Equipment.ToDictionary(e => e.Key, e => e.Value.Quantity);

    public IReadOnlyList<BookingConflict> Check(Booking candidate, Room room) =>
        BookingRules.Check(candidate, room, Confirmed, Blockings, Stock, Zone);
}
