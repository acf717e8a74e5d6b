namespace Summit.Server.Programme.Rules;

/// <summary>So many of an equipment item a session needs, and how many of them its booking holds (0 while it is not placed).</summary>
public sealed record EquipmentNeed(Guid ItemId, int Needed, int Held);
