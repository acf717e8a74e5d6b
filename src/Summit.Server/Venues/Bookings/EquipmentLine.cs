namespace Summit.Server.Venues.Bookings;

/// <summary>So many of an equipment item, as a booking asks for it or holds it.</summary>
public sealed record EquipmentLine(Guid EquipmentItemId, int Quantity);
