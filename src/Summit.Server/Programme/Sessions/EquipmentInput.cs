namespace Summit.Server.Programme.Sessions;

/// <summary>So many of an item of the venues' equipment stock a session needs.</summary>
public sealed record EquipmentInput(Guid ItemId, int Quantity);
