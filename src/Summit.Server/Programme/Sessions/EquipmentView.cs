namespace Summit.Server.Programme.Sessions;

/// <summary>Equipment a session needs: the stock item with its names, how many it needs and how many its booking holds.</summary>
public sealed record EquipmentView(Guid ItemId, string NameEn, string NameZh, int Quantity, int Held);
