using Summit.Server.Access.Contracts;

namespace Summit.Server.Operations.Dashboard;

/// <summary>A zone on the dashboard: people inside now against capacity, its colour, and whether a crowding episode is on.</summary>
public sealed record ZoneTile(Guid ZoneId, int Number, string Code, string NameEn, string NameZh, string? Venue, int Capacity, int Inside,
    double? Load, OccupancyLevel Level, bool Crowded, ZonePlanArea? Plan)
{
    public string Name(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? NameZh : NameEn;
}
