namespace Summit.Server.Venues.Equipment;

public sealed record EquipmentInput(string NameEn, string NameZh, int Quantity);
