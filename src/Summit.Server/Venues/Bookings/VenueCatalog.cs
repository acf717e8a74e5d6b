namespace Summit.Server.Venues.Bookings;

/// <summary>
/// The current event's venues, rooms and equipment stock and its time zone, read once per call and shared by the validation and the
/// facts (each was read twice before: about ten queries a check, docs/benchmarks.md). Not kept across calls: several server processes
/// may share the database, and a stock lowered through one must judge the next booking in every other at once.
/// </summary>
public sealed record VenueCatalog(
    Guid EventId,
    TimeZoneInfo Zone,
    IReadOnlyDictionary<Guid, Venue> Venues,
    IReadOnlyList<Room> Rooms,
    IReadOnlyDictionary<Guid, EquipmentItem> Equipment)
{
    public Room? FindRoom(Guid id) => Rooms.FirstOrDefault(r => r.Id == id);
}
