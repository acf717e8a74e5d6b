namespace Summit.Server.Venues.Contracts;

/// <summary>So many of an equipment item of the venues' stock (by its id), as a reservation asks for it or a booking holds it.</summary>
public sealed record ReservedEquipment(Guid ItemId, int Quantity);
