namespace Summit.Server.Access.Contracts;

// No default for ZoneId: the OpenAPI schema exporter cannot write a struct's default (it has no constant) and failed the whole document.
public sealed record ZoneOccupancy(int Zone, string Code, string NameEn, string NameZh, string? Venue, int Capacity, int Inside, Guid ZoneId,
    ZonePlanArea? Plan = null)
{
    /// <summary>Share of the capacity in use, 0..1 (and above when over capacity); null when no capacity is set.</summary>
    public double? Load => Capacity > 0 ? (double)Inside / Capacity : null;
}
