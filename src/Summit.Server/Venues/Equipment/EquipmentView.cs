namespace Summit.Server.Venues.Equipment;

public sealed record EquipmentView(Guid Id, string NameEn, string NameZh, int Quantity)
{
    public static EquipmentView From(EquipmentItem e) => new(e.Id, e.NameEn, e.NameZh, e.Quantity);
}
