namespace Summit.Server.Components.Shared;

/// <summary>
/// A zone as the site plan draws it: the dashboard's live tiles and the zones page's preview both come to the plan in this shape,
/// so neither module names the other's types.
/// </summary>
/// <param name="Plan">Its rectangle on the plan; without one the zone is listed off the plan.</param>
public sealed record PlanZone(string Code, string NameEn, string NameZh, int Capacity, int Inside, PlanLevel Level, bool Crowded, PlanArea? Plan)
{
    public string Name(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZh : NameEn;
}
