namespace Summit.Server.Venues.Contracts;

/// <summary>An item of the event's mobile equipment stock (interpretation kits, streaming kits, wireless microphones) and how many the event has.</summary>
public sealed record EquipmentStock(Guid Id, string NameEn, string NameZh, int Quantity);
